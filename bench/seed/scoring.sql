-- Province-scale data for scoring-service (./suite seed): the deputies, and the points that follow from the cases
-- case-service now holds (bench_case_fact, exported from its database by ./suite seed): 1 for a case received,
-- 1 for one closed satisfied (Hunan's values), each as a fact and its AWARD ledger entry; and 0–5 station entries
-- (2 points each) per deputy in 2026. Variables: townships, per_township.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_township AS
SELECT code, name FROM bench_region WHERE level = 'township' ORDER BY code LIMIT :townships;

INSERT INTO deputy_copy (deputy_id, name, region_code, levels, active, updated_at)
SELECT md5('bench:deputy:' || t.code || ':' || n)::uuid, t.name || '代表' || lpad(n::text, 3, '0'), t.code,
       CASE WHEN n % 5 = 0 THEN '["TOWNSHIP","COUNTY"]' ELSE '["TOWNSHIP"]' END::jsonb, true, now()
FROM bench_township t, generate_series(1, :per_township) n
ON CONFLICT (deputy_id) DO NOTHING;

-- facts and their ledger entries in one statement: a fact that already exists (a second run) gets no second entry
WITH new_fact AS (
    INSERT INTO fact (source_event_id, source_type, deputy_id, fact_type, occurred_on, region_code, recorded_at)
    SELECT md5('bench:event:received:' || case_id)::uuid, 'lianluo.case.received.v1', deputy_id, 'CASE_RECEIVED',
           received_at::date, region_code, received_at
    FROM bench_case_fact
    UNION ALL
    SELECT md5('bench:event:closed:' || case_id)::uuid, 'lianluo.case.closed.v1', deputy_id, 'CASE_CLOSED_SATISFIED',
           closed_at::date, region_code, closed_at
    FROM bench_case_fact WHERE status = 'CLOSED' AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')
    UNION ALL
    SELECT md5('bench:event:entry:' || d.deputy_id || ':' || k)::uuid, 'lianluo.station.reception-recorded.v1',
           d.deputy_id, 'STATION_ENTRY', DATE '2026-01-08' + 30 * k, d.region_code, (DATE '2026-01-08' + 30 * k)::timestamptz
    FROM (SELECT md5('bench:deputy:' || t.code || ':' || n)::uuid AS deputy_id, t.code AS region_code
          FROM bench_township t, generate_series(1, :per_township) n) d, generate_series(1, 5) k
    WHERE k <= abs(hashtext(d.deputy_id::text)) % 6
    ON CONFLICT DO NOTHING
    RETURNING id, deputy_id, fact_type, occurred_on, source_event_id, region_code, recorded_at)
INSERT INTO ledger_entry (id, deputy_id, year, region_code, kind, points, fact_id, fact_type, occurred_on,
                          source_event_id, rule_region, rule_version, reason, author, at)
SELECT md5('bench:ledger:' || f.source_event_id || ':' || f.fact_type)::uuid, f.deputy_id,
       extract(year FROM f.occurred_on)::int, f.region_code, 'AWARD', CASE f.fact_type WHEN 'STATION_ENTRY' THEN 2 ELSE 1 END,
       f.id, f.fact_type, f.occurred_on, f.source_event_id, '43', 1, '压力测试数据', 'system', f.recorded_at
FROM new_fact f;

ANALYZE fact;
ANALYZE ledger_entry;
