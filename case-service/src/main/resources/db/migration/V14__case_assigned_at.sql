-- When a case came to the unit handling it now (交办, 上交 or 转办): a unit may return it (退回) within one working day
-- of that. Cases assigned before this version take it from their timeline's last hand-over to a unit.
ALTER TABLE citizen_case ADD COLUMN assigned_at TIMESTAMPTZ;
UPDATE citizen_case c SET assigned_at = (SELECT max(a.at) FROM case_action a
                                         WHERE a.case_id = c.id AND a.unit_id IS NOT NULL
                                           AND a.action IN ('ASSIGN', 'ESCALATE'))
WHERE c.unit_id IS NOT NULL;
