-- 督资金 and 督进度 need something to look at: the unit that carries the project out (承办单位), its budget and what
-- it has spent, and the milestones (节点) it plans and reaches. Money is kept in fen (分), a whole number, so sums are exact.
ALTER TABLE livelihood_project ADD COLUMN unit_id UUID REFERENCES unit (id);
ALTER TABLE livelihood_project ADD COLUMN budget_fen BIGINT CHECK (budget_fen >= 0);

-- spending may go beyond the budget: it is recorded as it happened and the view flags it
CREATE TABLE project_spending (
    id         UUID PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES livelihood_project (id),
    amount_fen BIGINT      NOT NULL CHECK (amount_fen > 0),
    spent_on   DATE        NOT NULL,
    note       TEXT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_spending_project ON project_spending (project_id, spent_on);

CREATE TABLE project_milestone (
    id         UUID PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES livelihood_project (id),
    title      TEXT        NOT NULL,
    planned_on DATE        NOT NULL,
    done_on    DATE,
    done_note  TEXT,
    done_by    TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_milestone_project ON project_milestone (project_id, planned_on);

-- a milestone's photos are uploads (POST /api/v1/files) taken by the milestone instead of a case; taken, they are no
-- longer swept as unattached
ALTER TABLE case_file ADD COLUMN milestone_id UUID REFERENCES project_milestone (id);
ALTER TABLE case_file ADD CONSTRAINT case_file_one_owner CHECK (case_id IS NULL OR milestone_id IS NULL);
CREATE INDEX case_file_milestone ON case_file (milestone_id) WHERE milestone_id IS NOT NULL;
