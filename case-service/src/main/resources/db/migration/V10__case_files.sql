-- Files citizens, staff and deputies upload (photos, PDF) and the cases they belong to (issue 20 item 5). The bytes are
-- kept here, beside the case, so a backup of the database is a backup of the evidence; at most 10 MiB a file
-- (lianluo.files.max-bytes). A file is uploaded first (POST /api/v1/files, case_id NULL) and taken by the submission
-- that names it within 24 h; one no case took is deleted after that (FileSweep).
CREATE TABLE case_file (
    id           UUID PRIMARY KEY,
    content_type TEXT        NOT NULL,               -- from the first bytes (FileType), never the sender's word
    size         BIGINT      NOT NULL CHECK (size > 0),
    sha256       TEXT        NOT NULL,               -- lower-case hex
    name         TEXT        NOT NULL,               -- the sender's name, sanitized (FileNames)
    created_at   TIMESTAMPTZ NOT NULL,
    uploaded_by  TEXT        NOT NULL,               -- the token's subject, or 'citizen'
    case_id      UUID REFERENCES citizen_case (id),  -- NULL until a case takes it; a case's file stays the case's
    attached_at  TIMESTAMPTZ,
    content      BYTEA       NOT NULL
);
CREATE INDEX case_file_case ON case_file (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX case_file_unattached ON case_file (created_at) WHERE case_id IS NULL;

-- What a timeline entry told the citizen: the answer (当场答复) or reply (答复) content, the handling result (办结).
-- The tracking page shows it; the entry's note stays staff's. Entries before this version kept the text as their note.
ALTER TABLE case_action ADD COLUMN content TEXT;
UPDATE case_action SET content = note WHERE action IN ('ANSWER', 'REPLY', 'COMPLETE');
