-- Times are epoch milliseconds (UTC): no time-zone conversions between Java, JDBC and Derby.
-- Derby indexes every foreign key by itself, so user_id columns need no index of their own.
CREATE TABLE app_user (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    role                VARCHAR(16)  NOT NULL,
    password_hash       VARCHAR(255),
    password_changed_at BIGINT,
    created_at          BIGINT       NOT NULL,
    CONSTRAINT app_user_email UNIQUE (email),
    CONSTRAINT app_user_role CHECK (role IN ('USER', 'HELPDESK', 'ADMIN'))
);

-- Only the SHA-256 of a token is kept; the raw token exists only in the email.
CREATE TABLE reset_token (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash     CHAR(64)    NOT NULL,
    user_id        BIGINT      NOT NULL REFERENCES app_user (id),
    purpose        VARCHAR(16) NOT NULL,
    created_at     BIGINT      NOT NULL,
    expires_at     BIGINT      NOT NULL,
    used_at        BIGINT,
    invalidated_at BIGINT,
    CONSTRAINT reset_token_hash UNIQUE (token_hash),
    CONSTRAINT reset_token_purpose CHECK (purpose IN ('RESET', 'INVITE'))
);

CREATE TABLE user_session (
    token_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id    BIGINT   NOT NULL REFERENCES app_user (id),
    created_at BIGINT   NOT NULL,
    expires_at BIGINT   NOT NULL,
    revoked_at BIGINT
);

-- Sign-in failures per normalized email, known or not.
CREATE TABLE signin_throttle (
    email           VARCHAR(254) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    lockouts        INT          NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    locked_until    BIGINT       NOT NULL
);

-- A mail job holds no secret: what to send, to whom and why. The token is made at delivery.
CREATE TABLE mail_job (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    client_ip       VARCHAR(64),
    actor           VARCHAR(254),
    created_at      BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    last_error      VARCHAR(500),
    sent_at         BIGINT
);
CREATE INDEX mail_job_due ON mail_job (status, next_attempt_at);

CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at BIGINT      NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    user_id     BIGINT,
    user_email  VARCHAR(254),
    actor       VARCHAR(254),
    client_ip   VARCHAR(64),
    detail      VARCHAR(1000)
);
CREATE INDEX audit_event_user ON audit_event (user_id, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
