-- deputy-service: deputies and their mandates, station assignments (进站), groups, the local station copy.

-- What deputy-service knows of stations, from station.events (never read from station-service's database).
CREATE TABLE station_copy (
    station_id  UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX station_copy_region ON station_copy (region_code text_pattern_ops);

CREATE TABLE deputy (
    id                UUID PRIMARY KEY,
    seed_key          TEXT UNIQUE,
    name              TEXT        NOT NULL,
    gender            TEXT        NOT NULL,
    ethnicity         TEXT        NOT NULL,
    birth_year        INT         NOT NULL,
    party             TEXT,
    occupation_sector TEXT,
    electoral_unit    TEXT,
    region_code       TEXT        NOT NULL,
    phone             TEXT,
    version           INT         NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    updated_by        TEXT        NOT NULL
);
CREATE INDEX deputy_region ON deputy (region_code text_pattern_ops);
-- the same person is registered once per region: name and birth year identify them there
CREATE UNIQUE INDEX deputy_person ON deputy (region_code, name, birth_year);

CREATE TABLE mandate (
    id         UUID PRIMARY KEY,
    deputy_id  UUID NOT NULL REFERENCES deputy (id),
    level      TEXT NOT NULL,
    term       INT  NOT NULL,
    term_start DATE NOT NULL,
    term_end   DATE,
    status     TEXT NOT NULL,
    ended_on   DATE,
    end_reason TEXT,
    UNIQUE (deputy_id, level, term)
);
CREATE INDEX mandate_deputy ON mandate (deputy_id);

CREATE TABLE assignment (
    id          UUID PRIMARY KEY,
    deputy_id   UUID    NOT NULL REFERENCES deputy (id),
    station_id  UUID    NOT NULL,
    home        BOOLEAN NOT NULL,
    from_date   DATE    NOT NULL,
    until_date  DATE,
    assigned_by TEXT    NOT NULL
);
CREATE INDEX assignment_deputy ON assignment (deputy_id);
CREATE INDEX assignment_station ON assignment (station_id) WHERE until_date IS NULL;
-- one current home station per deputy
CREATE UNIQUE INDEX assignment_one_home ON assignment (deputy_id) WHERE home AND until_date IS NULL;

CREATE TABLE deputy_group (
    id          UUID PRIMARY KEY,
    kind        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    theme       TEXT,
    region_code TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL
);
CREATE INDEX deputy_group_region ON deputy_group (region_code text_pattern_ops);

-- a member is a deputy, or an expert who is not a deputy (代表+专家)
CREATE TABLE group_member (
    id                  UUID PRIMARY KEY,
    group_id            UUID NOT NULL REFERENCES deputy_group (id),
    deputy_id           UUID REFERENCES deputy (id),
    expert_name         TEXT,
    expert_field        TEXT,
    expert_organisation TEXT,
    joined_on           DATE NOT NULL,
    left_on             DATE,
    CHECK ((deputy_id IS NULL) <> (expert_name IS NULL))
);
CREATE INDEX group_member_group ON group_member (group_id);
CREATE INDEX group_member_deputy ON group_member (deputy_id);
