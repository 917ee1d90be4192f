-- Moderation of public content (issue 22): a project proposed by a citizen (群众点题) and an evaluation's comment
-- (群众评效果) are shown to the public only once APPROVED; PENDING waits for staff in scope, HIDDEN is taken down.
-- What was public before this version stays public (APPROVED); staff can hide it now.
ALTER TABLE livelihood_project ADD COLUMN moderation TEXT NOT NULL DEFAULT 'APPROVED';
ALTER TABLE project_evaluation ADD COLUMN moderation TEXT NOT NULL DEFAULT 'APPROVED';

-- the queue: what waits (or was hidden) in a region, oldest first
CREATE INDEX livelihood_project_moderation ON livelihood_project (moderation, region_code text_pattern_ops, proposed_at);
CREATE INDEX project_evaluation_moderation ON project_evaluation (moderation, at) WHERE comment IS NOT NULL;

-- every decision, the platform's on arrival (AUTO_APPROVE, HOLD) and staff's (APPROVE, HIDE, RESTORE): never edited
CREATE TABLE moderation_decision (
    id          UUID PRIMARY KEY,
    kind        TEXT        NOT NULL,          -- PROJECT or EVALUATION
    item_id     UUID        NOT NULL,          -- the project's or the evaluation's id
    project_id  UUID        NOT NULL REFERENCES livelihood_project (id),
    region_code TEXT        NOT NULL,
    decision    TEXT        NOT NULL,
    from_state  TEXT,                          -- null on arrival
    to_state    TEXT        NOT NULL,
    reason      TEXT,
    actor       TEXT        NOT NULL,          -- the token's name; 'system' for the platform's
    actor_role  TEXT        NOT NULL,          -- the token's role; SYSTEM for the platform's
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_decision_item ON moderation_decision (kind, item_id, at);
