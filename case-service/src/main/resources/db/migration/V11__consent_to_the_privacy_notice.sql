-- 个人信息处理告知 (PIPL art. 14, 17): which version of the notice on personal data a citizen agreed to before sending
-- name and phone, and when. Null for what came in before this version, or without the public pages.
ALTER TABLE citizen_case ADD COLUMN consented_notice TEXT, ADD COLUMN consented_at TIMESTAMPTZ;
ALTER TABLE livelihood_project ADD COLUMN consented_notice TEXT, ADD COLUMN consented_at TIMESTAMPTZ;
