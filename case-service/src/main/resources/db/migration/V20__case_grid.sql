-- 联络站+基层治理网格: a case brought in by a grid worker (channel GRID) names the grid (网格) it came from, and only
-- such a case does. NOT VALID: the rows before have no grid and no GRID channel, so the check need not read them all.
ALTER TABLE citizen_case ADD COLUMN grid_id TEXT;
ALTER TABLE citizen_case ADD CONSTRAINT citizen_case_grid_with_its_channel
    CHECK ((channel = 'GRID') = (grid_id IS NOT NULL)) NOT VALID;
