-- When each session was last used, for auth.session.idle-timeout. Written at most once a minute per
-- session, not on every request. Sessions made before this version count as last used when made; an
-- insert that left the column out would make a session that is idle from the start.
ALTER TABLE user_session ADD COLUMN last_used_at BIGINT DEFAULT 0 NOT NULL;
UPDATE user_session SET last_used_at = created_at;
