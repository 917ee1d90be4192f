-- Files that prove a 六有 item of a station (a photo of the sign, the scanned rules, the ledger): images and PDF of at
-- most 10 MiB, their type read from their bytes (common's FileType). The bytes are kept in the row, so a backup of the
-- database is a backup of the evidence. Who uploaded each is kept (the token's subject and the name it carried).
CREATE TABLE station_evidence (
    id               UUID PRIMARY KEY,
    station_id       UUID        NOT NULL REFERENCES station (id),
    item             TEXT        NOT NULL CHECK (item IN ('SITE', 'SIGN', 'RULES', 'STAFF', 'ACTIVITIES', 'RECORDS')),
    content_type     TEXT        NOT NULL,   -- from the first bytes, never the sender's word
    size             BIGINT      NOT NULL CHECK (size > 0),
    sha256           TEXT        NOT NULL,   -- lower-case hex
    name             TEXT        NOT NULL,   -- the sender's name, sanitized (FileNames)
    uploaded_at      TIMESTAMPTZ NOT NULL,
    uploaded_by      TEXT        NOT NULL,   -- the token's subject
    uploaded_by_name TEXT        NOT NULL,   -- the token's name claim, or the subject when it has none
    content          BYTEA       NOT NULL
);
CREATE INDEX station_evidence_item ON station_evidence (station_id, item, uploaded_at);
