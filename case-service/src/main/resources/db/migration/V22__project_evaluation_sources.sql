-- 三评: an evaluation is the citizens' (群众评), a deputy's (代表评) or the responsible unit's own (部门自评).
-- Earlier rows came from a deputy's token or a citizen's phone, which tells them apart.
ALTER TABLE project_evaluation ADD COLUMN source TEXT;
UPDATE project_evaluation SET source = CASE WHEN by_deputy IS NOT NULL THEN 'DEPUTY' ELSE 'CITIZEN' END;
ALTER TABLE project_evaluation ALTER COLUMN source SET NOT NULL;
ALTER TABLE project_evaluation ADD CONSTRAINT project_evaluation_source CHECK (source IN ('CITIZEN', 'DEPUTY', 'UNIT'));
-- who wrote the unit's self-evaluation (the token's subject); a project has one
ALTER TABLE project_evaluation ADD COLUMN by_actor TEXT;
CREATE UNIQUE INDEX project_evaluation_one_self_evaluation ON project_evaluation (project_id) WHERE source = 'UNIT';
