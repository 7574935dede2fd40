-- Every password change bumps password_version. A sign-in creates its session only in a transaction
-- that finds the version it proved still current, holding the row until it commits: no session minted
-- with an old password outlives the change (see Users.lockIfPasswordVersion).
ALTER TABLE app_user ADD COLUMN password_version INT NOT NULL DEFAULT 0;

-- While one completion of a token is hashing its new password, others with that token are turned away.
ALTER TABLE reset_token ADD COLUMN completing_until BIGINT;

-- Free text is limited in characters (code points); Derby's VARCHAR counts UTF-16 units, of which a
-- character takes up to two: each column holds twice the characters its field allows.
ALTER TABLE app_user ALTER COLUMN display_name SET DATA TYPE VARCHAR(400);
ALTER TABLE mail_job ALTER COLUMN actor SET DATA TYPE VARCHAR(508);
ALTER TABLE audit_event ALTER COLUMN detail SET DATA TYPE VARCHAR(2000);
