-- The account's second factor (TOTP). The key is sealed with AES-GCM (SecretBox) and never stored in
-- clear; a pending key waits for its first code and replaces the current one only then. The last time
-- step accepted is kept here, not in memory, so that each code works once on every instance.
ALTER TABLE app_user ADD COLUMN totp_key VARCHAR(200);
ALTER TABLE app_user ADD COLUMN totp_pending_key VARCHAR(200);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE app_user ADD COLUMN totp_enabled_at BIGINT;

-- Recovery codes: only a salted SHA-256 of each (they carry 117 random bits); each works once.
CREATE TABLE recovery_code (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT   NOT NULL REFERENCES app_user (id),
    code_hash  CHAR(64) NOT NULL,
    created_at BIGINT   NOT NULL,
    used_at    BIGINT,
    CONSTRAINT recovery_code_hash UNIQUE (code_hash)
);
CREATE INDEX recovery_code_user ON recovery_code (user_id);

-- A "Not you?" link in the emails about the second factor: added, removed, a recovery code used, or
-- codes tried by someone who knows the password.
ALTER TABLE report_token DROP CONSTRAINT report_token_event;
ALTER TABLE report_token ADD CONSTRAINT report_token_event
    CHECK (event_kind IN ('RESET_REQUESTED', 'INVITATION', 'PASSWORD_CHANGED', 'SECOND_FACTOR'));
