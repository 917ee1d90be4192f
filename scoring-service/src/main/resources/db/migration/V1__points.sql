-- scoring-service: 履职积分 — the facts from events, versioned rule sets, the append-only ledger, appeals,
-- published snapshots and alerts.

-- what scoring knows of deputies, from deputy.events (ranking by region and level)
CREATE TABLE deputy_copy (
    deputy_id   UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    levels      JSONB       NOT NULL DEFAULT '[]',
    active      BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- a version is never changed: a new one is published and the year recomputed
CREATE TABLE rule_set (
    id          UUID PRIMARY KEY,
    region_code TEXT        NOT NULL,
    year        INT         NOT NULL,
    version     INT         NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    UNIQUE (region_code, year, version)
);

-- facts are kept independently of the rules; one per event, deputy and type
CREATE TABLE fact (
    id              BIGSERIAL PRIMARY KEY,
    source_event_id UUID        NOT NULL,
    source_type     TEXT        NOT NULL,
    deputy_id       UUID        NOT NULL,
    fact_type       TEXT        NOT NULL,
    occurred_on     DATE        NOT NULL,
    region_code     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (source_event_id, deputy_id, fact_type)
);
CREATE INDEX fact_deputy_year ON fact (deputy_id, occurred_on);

-- the ledger (台账): never edited or deleted; corrections and recomputations are new, reversing entries
CREATE TABLE ledger_entry (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL   NOT NULL UNIQUE,
    deputy_id       UUID        NOT NULL,
    year            INT         NOT NULL,
    region_code     TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    points          INT         NOT NULL,
    fact_id         BIGINT REFERENCES fact (id),
    fact_type       TEXT,
    occurred_on     DATE,
    source_event_id UUID,
    rule_region     TEXT,
    rule_version    INT,
    reason          TEXT        NOT NULL,
    reverses        UUID REFERENCES ledger_entry (id),
    author          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_deputy_year ON ledger_entry (deputy_id, year);
CREATE INDEX ledger_region_year ON ledger_entry (region_code text_pattern_ops, year);
CREATE UNIQUE INDEX ledger_reversed_once ON ledger_entry (reverses) WHERE reverses IS NOT NULL;

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: correct an entry with a reversing entry';
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

CREATE TABLE appeal (
    id              UUID PRIMARY KEY,
    deputy_id       UUID        NOT NULL,
    year            INT         NOT NULL,
    region_code     TEXT        NOT NULL,
    entry_id        UUID REFERENCES ledger_entry (id),
    fact_type       TEXT,
    points          INT,
    reason          TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    decided_by      TEXT,
    decision_note   TEXT,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    version         INT         NOT NULL DEFAULT 0
);
CREATE INDEX appeal_region ON appeal (region_code text_pattern_ops, status);

-- a published quarterly table is frozen
CREATE TABLE snapshot (
    region_code  TEXT        NOT NULL,
    year         INT         NOT NULL,
    quarter      INT         NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    published_by TEXT        NOT NULL,
    rows         TEXT        NOT NULL,
    PRIMARY KEY (region_code, year, quarter)
);

-- each alert fires once per deputy, year and kind
CREATE TABLE alert (
    deputy_id   UUID        NOT NULL,
    year        INT         NOT NULL,
    kind        TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    raised_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deputy_id, year, kind)
);
