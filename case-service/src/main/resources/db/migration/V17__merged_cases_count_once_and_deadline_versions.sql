-- A matter counts once (重复件): a case merged into another (status MERGED) is not received, closed, on time or rated
-- in the figures; the case it was merged into counts the matter. It is counted apart, as merged, so the dashboard still
-- shows how many came in. Should a case leave MERGED, its terms change back with it (the update trigger below).
ALTER TABLE case_tally ADD COLUMN merged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_tally_change ADD COLUMN merged BIGINT NOT NULL DEFAULT 0;

-- the trigger function calls it by name at run time, so the new shape can replace the old one
DROP FUNCTION case_tally_terms(INT, citizen_case);
CREATE FUNCTION case_tally_terms(sign INT, c citizen_case)
    RETURNS TABLE (county TEXT, month DATE, channel TEXT, category TEXT, received INT, closed INT, on_the_spot INT,
                   closed_on_time INT, rated INT, satisfied INT, days_sum INT, days_count INT, merged INT)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT substr(c.region_code, 1, 6), CAST(date_trunc('month', c.received_at AT TIME ZONE 'Asia/Shanghai') AS DATE),
           c.channel, c.category, sign * counted, sign * counted * CAST(c.status = 'CLOSED' AS INT),
           sign * counted * CAST(c.on_the_spot AS INT),
           sign * counted * CAST(coalesce(c.closed_on_time, FALSE) AS INT),
           sign * counted * CAST(c.satisfaction IS NOT NULL AS INT),
           sign * counted * CAST(coalesce(c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE) AS INT),
           sign * counted * coalesce(c.working_days_to_close, 0),
           sign * counted * CAST(c.working_days_to_close IS NOT NULL AS INT), sign * (1 - counted)
    FROM (SELECT CAST(c.status <> 'MERGED' AS INT) AS counted) m
$$;

CREATE OR REPLACE FUNCTION case_tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO case_tally_change (county, month, channel, category, received, closed, on_the_spot, closed_on_time,
                                       rated, satisfied, days_sum, days_count, merged)
        SELECT t.county, t.month, t.channel, t.category, sum(t.received), sum(t.closed), sum(t.on_the_spot),
               sum(t.closed_on_time), sum(t.rated), sum(t.satisfied), sum(t.days_sum), sum(t.days_count), sum(t.merged)
        FROM new_rows n, case_tally_terms(1, n) t GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO case_tally_change (county, month, channel, category, received, closed, on_the_spot, closed_on_time,
                                       rated, satisfied, days_sum, days_count, merged)
        SELECT t.county, t.month, t.channel, t.category, sum(t.received), sum(t.closed), sum(t.on_the_spot),
               sum(t.closed_on_time), sum(t.rated), sum(t.satisfied), sum(t.days_sum), sum(t.days_count), sum(t.merged)
        FROM old_rows o, case_tally_terms(-1, o) t GROUP BY 1, 2, 3, 4;
    ELSE
        -- only the cases whose counted values changed (most updates change none: a note, a handler, a deadline)
        INSERT INTO case_tally_change (county, month, channel, category, received, closed, on_the_spot, closed_on_time,
                                       rated, satisfied, days_sum, days_count, merged)
        SELECT t.county, t.month, t.channel, t.category, sum(t.received), sum(t.closed), sum(t.on_the_spot),
               sum(t.closed_on_time), sum(t.rated), sum(t.satisfied), sum(t.days_sum), sum(t.days_count), sum(t.merged)
        FROM new_rows n JOIN old_rows o ON o.id = n.id,
             LATERAL (SELECT * FROM case_tally_terms(1, n) UNION ALL SELECT * FROM case_tally_terms(-1, o)) t
        WHERE (SELECT row(x.*) FROM case_tally_terms(1, n) x) IS DISTINCT FROM (SELECT row(y.*) FROM case_tally_terms(1, o) y)
        GROUP BY 1, 2, 3, 4;
    END IF;
    RETURN NULL;
END $$;

-- the cases merged before this version were counted as received: the tally is counted again from the cases, in this
-- transaction (the fold waits for the lock on case_tally_change)
LOCK TABLE case_tally_change IN EXCLUSIVE MODE;
TRUNCATE case_tally, case_tally_change;
INSERT INTO case_tally
SELECT t.county, t.month, t.channel, t.category, sum(t.received), sum(t.closed), sum(t.on_the_spot), sum(t.closed_on_time),
       sum(t.rated), sum(t.satisfied), sum(t.days_sum), sum(t.days_count), sum(t.merged)
FROM citizen_case c, case_tally_terms(1, c) t GROUP BY 1, 2, 3, 4;

-- A stage deadline is changed by the case's commands, the clock's events and the calendar's recount (DeadlineRecount):
-- a version, so a writer that read it before another one wrote it fails instead of writing over that change.
ALTER TABLE case_deadline ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
