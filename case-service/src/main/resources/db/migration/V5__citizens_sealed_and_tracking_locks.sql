-- Citizens' names and phones at rest (PIPL): sealed with AES-256-GCM and the phone found by a keyed hash
-- (case-service's CitizenCipher). The plain columns stay for rows written by bulk SQL (bench/seed) or before this
-- version: the start-up sweep seals them and sets them to NULL.
ALTER TABLE citizen_case
    ALTER COLUMN citizen_name DROP NOT NULL,
    ALTER COLUMN citizen_phone DROP NOT NULL,
    ADD COLUMN citizen_name_sealed  TEXT,
    ADD COLUMN citizen_phone_sealed TEXT,
    ADD COLUMN citizen_phone_hash   TEXT;
-- what the sweep still has to seal, found without reading the whole table
-- livelihood_project.proposer_name/proposer_phone hold sealed values in the same columns from now on, and
-- project_evaluation.by_phone the phone's keyed hash (still unique per project); the sweep converts older rows.
CREATE INDEX case_citizen_plain ON citizen_case (id) WHERE citizen_phone IS NOT NULL OR citizen_name IS NOT NULL;

-- Wrong phones per tracking code: 5 within an hour lock the code for an hour, for every lookup (every replica reads
-- the same row).
CREATE TABLE tracking_lock (
    tracking_code TEXT PRIMARY KEY,
    failures      INT         NOT NULL,
    first_failure TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);
