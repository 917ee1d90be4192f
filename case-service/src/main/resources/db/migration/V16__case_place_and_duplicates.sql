-- 重复件 (issue 20 item 3). pg_trgm compares a new case's title and content with open cases' (similarity()); it is a
-- trusted extension since PostgreSQL 13, so the database's owner creates it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Where the matter is: the citizen's words and, optionally, GCJ-02 degrees within China (both or neither).
ALTER TABLE citizen_case
    ADD COLUMN address               TEXT,
    ADD COLUMN lat                   DOUBLE PRECISION,
    ADD COLUMN lng                   DOUBLE PRECISION,
    -- the open case this one looked like at intake, until merged or unlinked
    ADD COLUMN possible_duplicate_of UUID REFERENCES citizen_case (id),
    -- status MERGED: the case whose answer is this one's
    ADD COLUMN merged_into           UUID REFERENCES citizen_case (id),
    ADD CONSTRAINT case_place_both CHECK ((lat IS NULL) = (lng IS NULL)),
    ADD CONSTRAINT case_place_in_china CHECK (lat BETWEEN 3.8 AND 53.6 AND lng BETWEEN 73.4 AND 135.1),
    ADD CONSTRAINT case_merged_status CHECK ((merged_into IS NULL) = (status <> 'MERGED'));

-- the intake's look for an open case of the same phone, without reading the closed ones
CREATE INDEX case_open_phone ON citizen_case (citizen_phone_hash, received_at)
    WHERE status NOT IN ('CLOSED', 'MERGED');
