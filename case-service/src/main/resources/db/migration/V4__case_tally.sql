-- Case figures per county, month received (in China), channel and category: what the dashboards of a province or a
-- city add up, so a province's year reads some tens of thousands of rows instead of a million cases (0.7 s). A
-- county's and a township's figures still come from the cases themselves (a county's year is thousands of cases).
CREATE TABLE case_tally (
    county         TEXT   NOT NULL,
    month          DATE   NOT NULL,
    channel        TEXT   NOT NULL,
    category       TEXT   NOT NULL,
    received       BIGINT NOT NULL,
    closed         BIGINT NOT NULL,
    on_the_spot    BIGINT NOT NULL,
    closed_on_time BIGINT NOT NULL,
    rated          BIGINT NOT NULL,
    satisfied      BIGINT NOT NULL,
    days_sum       BIGINT NOT NULL,
    days_count     BIGINT NOT NULL,
    PRIMARY KEY (county, month, channel, category)
);

-- What each statement on citizen_case changed in those figures, appended by a statement-level trigger: appending
-- takes no lock another case's transaction waits for (an upsert of the tally row would make every intake of a county
-- in a month wait for the one before it to commit). CaseTally folds these rows into case_tally every few seconds;
-- readers add up both, so a figure is right the moment its case commits.
CREATE TABLE case_tally_change (LIKE case_tally);
ALTER TABLE case_tally_change ADD COLUMN id BIGSERIAL PRIMARY KEY;

CREATE FUNCTION case_tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source TEXT := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
        ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO case_tally_change (county, month, channel, category, received, closed, on_the_spot, closed_on_time,
                                       rated, satisfied, days_sum, days_count)
        SELECT * FROM (
            SELECT substr(region_code, 1, 6), CAST(date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai') AS DATE),
                   channel, category, sum(sign), sum(sign * CAST(status = 'CLOSED' AS INT)),
                   sum(sign * CAST(on_the_spot AS INT)), sum(sign * CAST(coalesce(closed_on_time, FALSE) AS INT)),
                   sum(sign * CAST(satisfaction IS NOT NULL AS INT)),
                   sum(sign * CAST(coalesce(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE) AS INT)),
                   sum(sign * coalesce(working_days_to_close, 0)), sum(sign * CAST(working_days_to_close IS NOT NULL AS INT))
            FROM (%s) c GROUP BY 1, 2, 3, 4) g (county, month, channel, category, received, closed, on_the_spot,
                                                  closed_on_time, rated, satisfied, days_sum, days_count)
        -- an update that changes nothing counted (most do: a note, a handler, a deadline) leaves nothing
        WHERE (received, closed, on_the_spot, closed_on_time, rated, satisfied, days_sum, days_count)
              IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0)$sql$, source);
    RETURN NULL;
END $$;
CREATE TRIGGER case_tally_insert AFTER INSERT ON citizen_case REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_tally_changes();
CREATE TRIGGER case_tally_update AFTER UPDATE ON citizen_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_tally_changes();
CREATE TRIGGER case_tally_delete AFTER DELETE ON citizen_case REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_tally_changes();

INSERT INTO case_tally
SELECT substr(region_code, 1, 6), CAST(date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai') AS DATE), channel, category,
       count(*), count(*) FILTER (WHERE status = 'CLOSED'), count(*) FILTER (WHERE on_the_spot),
       count(*) FILTER (WHERE closed_on_time), count(*) FILTER (WHERE satisfaction IS NOT NULL),
       count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')),
       coalesce(sum(working_days_to_close), 0), count(working_days_to_close)
FROM citizen_case GROUP BY 1, 2, 3, 4;

-- the days of a period that are not whole months (the default "this year to date" ends in one) are counted from the
-- cases, by when they were received
CREATE INDEX case_received ON citizen_case (received_at);
