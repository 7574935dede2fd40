-- An audit event that caused an email points at its mail job, so the audit trail can show whether
-- that email was queued, sent or failed (and why): staff can answer "I never got the email".
ALTER TABLE audit_event ADD COLUMN mail_job_id BIGINT;
CREATE INDEX audit_event_email ON audit_event (user_email, occurred_at);
