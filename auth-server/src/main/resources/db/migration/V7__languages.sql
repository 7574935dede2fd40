-- The language and time zone the account's emails are written in (issue 12): a language tag from the
-- supported list and an IANA zone id, set from the client that last signed in or asked for a reset,
-- or by staff at invitation. Null: English, and times in UTC said as such.
ALTER TABLE app_user ADD COLUMN language_tag VARCHAR(16);
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);

-- What the client that asked for a reset said of its reader: the language of that one email. It is
-- never stored on the account (anyone may ask for a reset).
ALTER TABLE mail_job ADD COLUMN language_tag VARCHAR(16);
ALTER TABLE mail_job ADD COLUMN time_zone VARCHAR(64);
