-- PostgreSQL does not index foreign keys by itself (Derby does).
CREATE INDEX report_token_user ON report_token (user_id);
CREATE INDEX support_case_user ON support_case (user_id);
CREATE INDEX case_note_case ON case_note (case_id);
