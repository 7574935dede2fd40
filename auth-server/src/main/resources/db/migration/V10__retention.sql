-- Rows past their retention are deleted in small batches (Retention). One instance at a time does it:
-- the one holding this lease row, renewed between batches, so a holder that died is replaced after it.
CREATE TABLE job_lease (
    name       VARCHAR(32) NOT NULL PRIMARY KEY,
    held_by    VARCHAR(64),
    held_until BIGINT      NOT NULL
);
INSERT INTO job_lease (name, held_until) VALUES ('retention', 0);

-- Each batch reads the first rows past their time through these, instead of scanning the table.
CREATE INDEX reset_token_expiry ON reset_token (expires_at);
CREATE INDEX report_token_expiry ON report_token (expires_at);
CREATE INDEX user_session_expiry ON user_session (expires_at);
CREATE INDEX mail_job_age ON mail_job (status, created_at);
-- A mail job is kept while a "Not you?" link still names it; the audit events that name a deleted one
-- are unlinked from it. Both look the job up by these.
CREATE INDEX report_token_mail ON report_token (mail_job_id);
CREATE INDEX audit_event_mail ON audit_event (mail_job_id);
