-- Request limits that every instance on one database shares (PostgreSQL; on Derby one process counts
-- in memory). A row is one client's window for one limit; the key is the SHA-256 of the email or
-- client network, so no address is kept here.
CREATE TABLE rate_window (
    limiter      VARCHAR(32) NOT NULL,
    client_key   CHAR(64)    NOT NULL,
    window_start BIGINT      NOT NULL,
    hits         INT         NOT NULL,
    expires_at   BIGINT      NOT NULL,
    CONSTRAINT rate_window_key PRIMARY KEY (limiter, client_key)
);
CREATE INDEX rate_window_expiry ON rate_window (limiter, expires_at);

-- A mail job being delivered is held by one instance (claimed_by) until claimed_until; a job whose
-- holder died is taken up by another once that time has passed.
ALTER TABLE mail_job ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE mail_job ADD COLUMN claimed_until BIGINT;
