-- Derby indexes every foreign key by itself; PostgreSQL does not, and tokens and sessions are looked
-- up and revoked by user.
CREATE INDEX reset_token_user ON reset_token (user_id);
CREATE INDEX user_session_user ON user_session (user_id);
