-- 立法意见征集: a citizen's comment records which version of the notice on personal data (个人信息处理告知) they agreed to
-- before giving a phone (and perhaps a name), and when, as a case and a livelihood proposal do (V11). Null for a
-- deputy's comment, and for citizens' comments made before this version.
ALTER TABLE draft_comment ADD COLUMN consented_notice TEXT, ADD COLUMN consented_at TIMESTAMPTZ;
