-- 重复件: a matter counts once. The facts a case's events told carry the case, and a case merged into another
-- (lianluo.case.merged.v1) is listed here: its facts' awards are reversed, a fact of it that arrives later is recorded
-- but not scored, and a rule version's recompute leaves its facts out. Unlinking it (unlinked.v1) deletes the row and
-- scores its facts again. Facts recorded before this version carry no case and stay as they are.
ALTER TABLE fact ADD COLUMN case_id UUID;
CREATE INDEX fact_case ON fact (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE merged_case (
    case_id     UUID PRIMARY KEY,
    merged_into UUID,
    merged_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_fact ON ledger_entry (fact_id) WHERE fact_id IS NOT NULL;
