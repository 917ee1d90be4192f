-- Deputies' suggestions (意见转化为建议) and livelihood projects (民生实事项目票决制).

-- the levels of congress a deputy sits in now, from deputy.events (who may vote on a project)
ALTER TABLE deputy_copy ADD COLUMN levels JSONB NOT NULL DEFAULT '[]';

CREATE TABLE suggestion (
    id                 UUID PRIMARY KEY,
    title              TEXT        NOT NULL,
    content            TEXT        NOT NULL,
    region_code        TEXT        NOT NULL,
    lead_deputy_id     UUID        NOT NULL,
    co_deputy_ids      JSONB       NOT NULL DEFAULT '[]',
    status             TEXT        NOT NULL,
    key_suggestion     BOOLEAN     NOT NULL DEFAULT FALSE,
    lead_unit_id       UUID REFERENCES unit (id),
    assigned_on        DATE,
    reply_due          DATE,
    co_answer_due      DATE,
    extension_pending  BOOLEAN     NOT NULL DEFAULT FALSE,
    extension_used     BOOLEAN     NOT NULL DEFAULT FALSE,
    extension_months   INT         NOT NULL DEFAULT 0,
    grade              TEXT,
    answer             TEXT,
    answered_on        DATE,
    answered_on_time   BOOLEAN,
    rating             TEXT,
    reopen_count       INT         NOT NULL DEFAULT 0,
    overdue_fired_at   TIMESTAMPTZ,
    submitted_at       TIMESTAMPTZ NOT NULL,
    closed_at          TIMESTAMPTZ,
    version            INT         NOT NULL DEFAULT 0
);
CREATE INDEX suggestion_region ON suggestion (region_code text_pattern_ops, status);

-- the cases a suggestion grew from: the link read from both sides
CREATE TABLE suggestion_case (
    suggestion_id UUID NOT NULL REFERENCES suggestion (id),
    case_id       UUID NOT NULL REFERENCES citizen_case (id),
    PRIMARY KEY (suggestion_id, case_id)
);
CREATE INDEX suggestion_case_case ON suggestion_case (case_id);

CREATE TABLE suggestion_unit (
    suggestion_id UUID NOT NULL REFERENCES suggestion (id),
    unit_id       UUID NOT NULL REFERENCES unit (id),
    answer        TEXT,
    answered_on   DATE,
    PRIMARY KEY (suggestion_id, unit_id)
);

CREATE TABLE suggestion_action (
    id            UUID PRIMARY KEY,
    suggestion_id UUID        NOT NULL REFERENCES suggestion (id),
    action        TEXT        NOT NULL,
    actor_role    TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    note          TEXT
);
CREATE INDEX suggestion_action_suggestion ON suggestion_action (suggestion_id, at);

-- one vote (票决) per region, year and level: the rule, the window and the electorate fixed at opening
CREATE TABLE vote_session (
    id              UUID PRIMARY KEY,
    region_code     TEXT        NOT NULL,
    year            INT         NOT NULL,
    level           TEXT        NOT NULL,
    places          INT         NOT NULL,
    quorum_num      INT         NOT NULL,
    quorum_den      INT         NOT NULL,
    opens_at        TIMESTAMPTZ NOT NULL,
    closes_at       TIMESTAMPTZ NOT NULL,
    electorate      INT         NOT NULL,
    tallied_at      TIMESTAMPTZ,
    UNIQUE (region_code, year, level)
);

CREATE TABLE livelihood_project (
    id                UUID PRIMARY KEY,
    region_code       TEXT        NOT NULL,
    year              INT         NOT NULL,
    title             TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    source            TEXT        NOT NULL,
    proposer_name     TEXT,
    proposer_phone    TEXT,
    status            TEXT        NOT NULL,
    session_id        UUID REFERENCES vote_session (id),
    votes_for         INT,
    votes_against     INT,
    votes_abstain     INT,
    progress          INT         NOT NULL DEFAULT 0,
    proposed_at       TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    version           INT         NOT NULL DEFAULT 0
);
CREATE INDEX livelihood_project_region ON livelihood_project (region_code text_pattern_ops, year, status);

CREATE TABLE project_case (
    project_id UUID NOT NULL REFERENCES livelihood_project (id),
    case_id    UUID NOT NULL REFERENCES citizen_case (id),
    PRIMARY KEY (project_id, case_id)
);

CREATE TABLE project_vote (
    project_id UUID        NOT NULL REFERENCES livelihood_project (id),
    deputy_id  UUID        NOT NULL,
    choice     TEXT        NOT NULL,
    cast_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, deputy_id)
);

-- progress reports (政府解题) and deputies' supervision records (全过程监督)
CREATE TABLE project_record (
    id         UUID PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES livelihood_project (id),
    kind       TEXT        NOT NULL,
    progress   INT,
    milestone  TEXT,
    note       TEXT,
    deputy_id  UUID,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_record_project ON project_record (project_id, at);

-- 群众评效果: citizens (by phone, once each) and deputies rate a completed project
CREATE TABLE project_evaluation (
    id           UUID PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES livelihood_project (id),
    by_deputy    UUID,
    by_phone     TEXT,
    satisfaction TEXT        NOT NULL,
    comment      TEXT,
    at           TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, by_deputy),
    UNIQUE (project_id, by_phone)
);
