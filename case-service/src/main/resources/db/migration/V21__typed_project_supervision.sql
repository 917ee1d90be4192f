-- 三督: a deputy's supervision record says what it looked at (督进度, 督质量, 督资金).
-- Records written before the kinds existed were all about how far the work had got, so they become PROGRESS.
ALTER TABLE project_record ADD COLUMN supervision_kind TEXT;
UPDATE project_record SET supervision_kind = 'PROGRESS' WHERE kind = 'SUPERVISION';
ALTER TABLE project_record ADD CONSTRAINT project_record_supervision_kind
    CHECK ((kind = 'SUPERVISION') = (supervision_kind IS NOT NULL)
        AND (supervision_kind IS NULL OR supervision_kind IN ('PROGRESS', 'QUALITY', 'FUNDS')));
