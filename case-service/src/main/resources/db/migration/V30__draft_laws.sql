-- 立法意见征集 (基层立法联系点): a legislature's draft law, its articles, and the comments citizens and deputies make on
-- it while it is open; staff merge duplicates and assess each comment (采纳 / 部分采纳 / 未采纳) with a reason.
CREATE TABLE draft_law (
    id           UUID PRIMARY KEY,
    title        TEXT        NOT NULL,
    legislature  TEXT        NOT NULL,          -- the body that asks, e.g. 湖南省人大常委会
    region_code  TEXT        NOT NULL,          -- where comments are collected; staff of it and below see the draft
    opens_on     DATE        NOT NULL,
    closes_on    DATE        NOT NULL,          -- the last day comments are taken (China time)
    published_by TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    CHECK (closes_on >= opens_on)
);
CREATE INDEX draft_law_region ON draft_law (region_code text_pattern_ops, closes_on);

CREATE TABLE draft_article (
    draft_id UUID NOT NULL REFERENCES draft_law (id),
    number   INT  NOT NULL,                     -- 第 n 条, from 1, in the order the draft gives them
    text     TEXT NOT NULL,
    PRIMARY KEY (draft_id, number)
);

CREATE TABLE draft_comment (
    id             UUID PRIMARY KEY,
    draft_id       UUID        NOT NULL REFERENCES draft_law (id),
    article        INT,                         -- null: on the whole draft
    text           TEXT        NOT NULL,
    region_code    TEXT        NOT NULL,        -- where the commenter is: the deputy's token region, or the citizen's
    by_deputy      UUID,                        -- a deputy's comment
    name_sealed    TEXT,                        -- a citizen's name, optional, sealed like a case's citizen
    phone_sealed   TEXT,                        -- a citizen's phone, sealed …
    phone_hash     TEXT,                        -- … and its keyed hash
    moderation     TEXT        NOT NULL,
    merged_into    UUID REFERENCES draft_comment (id),
    assessment     TEXT,                        -- ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED
    assessment_reason TEXT,
    assessed_by    TEXT,
    assessed_at    TIMESTAMPTZ,
    at             TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (draft_id, article) REFERENCES draft_article (draft_id, number),
    CHECK ((by_deputy IS NULL) <> (phone_hash IS NULL))
);
CREATE INDEX draft_comment_draft ON draft_comment (draft_id, article, at);

-- a draft's comment is moderated like a project's proposal: its decisions name the draft, not a project
ALTER TABLE moderation_decision ALTER COLUMN project_id DROP NOT NULL;
ALTER TABLE moderation_decision ADD COLUMN draft_id UUID REFERENCES draft_law (id);
CREATE INDEX draft_comment_moderation ON draft_comment (moderation, at);
