-- "Not you?" reports and help-desk cases (issue 10).

-- Set while the account is held after a reported password change: no password sign-in and no
-- self-service reset until a help-desk member releases it.
ALTER TABLE app_user ADD COLUMN held_at BIGINT;

-- Where the reset was asked from, to notice a completion from a network far from it.
ALTER TABLE reset_token ADD COLUMN requested_ip VARCHAR(64);

-- A "Not you?" token, kept as its SHA-256 like a reset token, tied to the email that carried it
-- (mail_job_id) and to the event that email told of: what, when and from which IP.
CREATE TABLE report_token (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  CHAR(64)    NOT NULL,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id),
    event_kind  VARCHAR(24) NOT NULL,
    mail_job_id BIGINT      NOT NULL,
    event_at    BIGINT      NOT NULL,
    event_ip    VARCHAR(64),
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    used_at     BIGINT,
    CONSTRAINT report_token_hash UNIQUE (token_hash),
    CONSTRAINT report_token_event CHECK (event_kind IN ('RESET_REQUESTED', 'INVITATION', 'PASSWORD_CHANGED'))
);

-- A case for the help desk: an owner's report, or a signal the server raised. user_id is null for a
-- signal about a client IP alone.
CREATE TABLE support_case (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        VARCHAR(8)   NOT NULL,
    signal_name VARCHAR(40),
    status      VARCHAR(16)  NOT NULL,
    summary     VARCHAR(500) NOT NULL,
    user_id     BIGINT REFERENCES app_user (id),
    client_ip   VARCHAR(64),
    opened_at   BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT support_case_kind CHECK (kind IN ('REPORT', 'SIGNAL')),
    CONSTRAINT support_case_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'))
);
CREATE INDEX support_case_status ON support_case (status, opened_at);

CREATE TABLE case_note (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    BIGINT        NOT NULL REFERENCES support_case (id),
    written_at BIGINT        NOT NULL,
    author     VARCHAR(254)  NOT NULL,
    body       VARCHAR(2000) NOT NULL
);
