-- station-service: regions, the working-day calendar copy, stations, receptions, activities.

CREATE TABLE region (
    code        TEXT PRIMARY KEY,               -- significant prefix form: 43, 4308, 430822, 430822207
    name        TEXT NOT NULL,
    level       TEXT NOT NULL,
    parent_code TEXT REFERENCES region (code)
);
CREATE INDEX region_parent ON region (parent_code);

-- Days that differ from the weekday rule (法定节假日 off, 调休 make-up days on).
CREATE TABLE calendar_day (
    day     DATE PRIMARY KEY,
    working BOOLEAN NOT NULL,
    name    TEXT    NOT NULL
);

CREATE TABLE station (
    id                   UUID PRIMARY KEY,
    seed_key             TEXT UNIQUE,            -- set for seeded stations, so re-seeding changes nothing
    type                 TEXT        NOT NULL,
    name                 TEXT        NOT NULL,
    region_code          TEXT        NOT NULL REFERENCES region (code),
    address              TEXT,
    latitude             NUMERIC(9, 6),
    longitude            NUMERIC(9, 6),
    contact_person       TEXT,
    contact_phone        TEXT,
    notice               TEXT,
    parent_station_id    UUID REFERENCES station (id),
    features             JSONB       NOT NULL DEFAULT '[]',
    schedules            JSONB       NOT NULL DEFAULT '[]',
    rules                JSONB       NOT NULL DEFAULT '[]',
    standard             JSONB       NOT NULL DEFAULT '[]',
    standard_met         BOOLEAN     NOT NULL DEFAULT FALSE,
    standard_assessed_at TIMESTAMPTZ,
    version              INT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    created_by           TEXT        NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    updated_by           TEXT        NOT NULL
);
CREATE INDEX station_region ON station (region_code text_pattern_ops);
CREATE INDEX station_parent ON station (parent_station_id);

CREATE TABLE reception (
    id             UUID PRIMARY KEY,
    station_id     UUID        NOT NULL REFERENCES station (id),
    region_code    TEXT        NOT NULL,
    held_on        DATE        NOT NULL,
    deputy_ids     JSONB       NOT NULL,
    visitors       INT         NOT NULL,
    cases_received INT         NOT NULL DEFAULT 0,
    note           TEXT,
    recorded_by    TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX reception_station ON reception (station_id, held_on);
CREATE INDEX reception_region ON reception (region_code text_pattern_ops);

CREATE TABLE activity (
    id                     UUID PRIMARY KEY,
    kind                   TEXT        NOT NULL,
    five_into_target       TEXT,
    title                  TEXT        NOT NULL,
    region_code            TEXT        NOT NULL REFERENCES region (code),
    station_id             UUID REFERENCES station (id),
    held_on                DATE        NOT NULL,
    place                  TEXT,
    participant_deputy_ids JSONB       NOT NULL,
    note                   TEXT,
    recorded_by            TEXT        NOT NULL,
    recorded_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX activity_region ON activity (region_code text_pattern_ops, held_on);
