-- A second factor the help desk asked to remove for an owner who lost it: it goes only when the
-- waiting time ends (totp_removal_due) and the owner has neither used it nor objected meanwhile.
-- totp_removal_case is the case that follows it.
ALTER TABLE app_user ADD COLUMN totp_removal_due BIGINT;
ALTER TABLE app_user ADD COLUMN totp_removal_case BIGINT;
CREATE INDEX app_user_totp_removal_due ON app_user (totp_removal_due);

-- Its case is of a kind of its own.
ALTER TABLE support_case DROP CONSTRAINT support_case_kind;
ALTER TABLE support_case ALTER COLUMN kind SET DATA TYPE VARCHAR(16);
ALTER TABLE support_case ADD CONSTRAINT support_case_kind CHECK (kind IN ('REPORT', 'SIGNAL', 'FACTOR_REMOVAL'));

-- What an owner quotes to the help desk about their report: an unguessable reference, so that no
-- answer counts the cases (a case's id is a global sequence, which told a reporter how many cases
-- others opened meanwhile). Cases opened before have none until a report joins them.
ALTER TABLE support_case ADD COLUMN reference VARCHAR(16);
ALTER TABLE support_case ADD CONSTRAINT support_case_reference UNIQUE (reference);

-- When the owner last confirmed a "Not you?" report: a second-factor removal asked before it is cancelled.
ALTER TABLE app_user ADD COLUMN reported_at BIGINT;
