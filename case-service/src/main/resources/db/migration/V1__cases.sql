-- case-service: the working-day calendar, categories, units, deadline policies, the deputy copy, and cases
-- with their timeline and stage deadlines.

CREATE TABLE calendar_day (
    day     DATE PRIMARY KEY,
    working BOOLEAN NOT NULL,
    name    TEXT    NOT NULL
);

-- 分级分类: a category and the level responsible for it
CREATE TABLE category (
    code  TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    level TEXT NOT NULL
);

-- 承办单位
CREATE TABLE unit (
    id          UUID PRIMARY KEY,
    seed_key    TEXT UNIQUE,
    name        TEXT NOT NULL,
    region_code TEXT NOT NULL,
    level       TEXT NOT NULL,
    kind        TEXT NOT NULL
);
CREATE INDEX unit_region ON unit (region_code text_pattern_ops);

-- the most specific region prefix wins; the seeds give the province's default
CREATE TABLE deadline_policy (
    region_code           TEXT PRIMARY KEY,
    assign_days           INT         NOT NULL,
    handle_complaint_days INT         NOT NULL,
    handle_enquiry_days   INT         NOT NULL,
    urgent_handle_days    INT         NOT NULL,
    reply_days            INT         NOT NULL,
    visit_days            INT         NOT NULL,
    note                  TEXT,
    updated_at            TIMESTAMPTZ NOT NULL,
    updated_by            TEXT        NOT NULL
);

-- what case-service knows of deputies, from deputy.events
CREATE TABLE deputy_copy (
    deputy_id   UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE citizen_case (
    id                  UUID PRIMARY KEY,
    tracking_code       TEXT        NOT NULL UNIQUE,
    title               TEXT        NOT NULL,
    content             TEXT        NOT NULL,
    category            TEXT        NOT NULL REFERENCES category (code),
    kind                TEXT        NOT NULL,
    urgent              BOOLEAN     NOT NULL,
    region_code         TEXT        NOT NULL,
    station_id          UUID,
    channel             TEXT        NOT NULL,
    citizen_name        TEXT        NOT NULL,
    citizen_phone       TEXT        NOT NULL,
    receiving_deputy_id UUID,
    unit_id             UUID REFERENCES unit (id),
    status              TEXT        NOT NULL,
    paused              BOOLEAN     NOT NULL DEFAULT FALSE,
    paused_at           TIMESTAMPTZ,
    on_the_spot         BOOLEAN     NOT NULL DEFAULT FALSE,
    reopen_count        INT         NOT NULL DEFAULT 0,
    extension_pending   BOOLEAN     NOT NULL DEFAULT FALSE,
    extension_used      BOOLEAN     NOT NULL DEFAULT FALSE,
    extension_days      INT         NOT NULL DEFAULT 0,
    satisfaction        TEXT,
    rated_by_citizen    BOOLEAN     NOT NULL DEFAULT FALSE,
    attachments         JSONB       NOT NULL DEFAULT '[]',
    received_at         TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    closed_on_time      BOOLEAN,
    working_days_to_close INT,
    created_by          TEXT        NOT NULL,
    version             INT         NOT NULL DEFAULT 0
);
CREATE INDEX case_region_status ON citizen_case (region_code text_pattern_ops, status);
CREATE INDEX case_region_received ON citizen_case (region_code text_pattern_ops, received_at);
CREATE INDEX case_unit ON citizen_case (unit_id, status);
CREATE INDEX case_deputy ON citizen_case (receiving_deputy_id);

-- the timeline: every command with its actor, time and note
CREATE TABLE case_action (
    id         UUID PRIMARY KEY,
    case_id    UUID        NOT NULL REFERENCES citizen_case (id),
    action     TEXT        NOT NULL,
    actor_role TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    note       TEXT,
    unit_id    UUID,
    status     TEXT        NOT NULL
);
CREATE INDEX case_action_case ON case_action (case_id, at);

-- one row per stage a case went through; the open one has met_at NULL
CREATE TABLE case_deadline (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES citizen_case (id),
    region_code TEXT        NOT NULL,
    stage       TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    span        INT         NOT NULL,
    due_date    DATE        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    warn_at     TIMESTAMPTZ NOT NULL,
    urge_on     DATE        NOT NULL,
    report_on   DATE        NOT NULL,
    met_at      TIMESTAMPTZ,
    paused      BOOLEAN     NOT NULL DEFAULT FALSE,
    warned_at   TIMESTAMPTZ,
    overdue_at  TIMESTAMPTZ,
    urged_at    TIMESTAMPTZ,
    reported_at TIMESTAMPTZ
);
CREATE INDEX case_deadline_case ON case_deadline (case_id);
CREATE INDEX case_deadline_open_warn ON case_deadline (warn_at) WHERE met_at IS NULL AND warned_at IS NULL;
CREATE INDEX case_deadline_open_due ON case_deadline (due_at) WHERE met_at IS NULL;
CREATE INDEX case_deadline_open_region ON case_deadline (region_code text_pattern_ops) WHERE met_at IS NULL;
