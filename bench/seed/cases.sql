-- Province-scale data for case-service (./suite seed). Variables: townships, per_township, cases, base_cases,
-- suggestions, projects. The first base_cases cases spread over 2025-01-01 … 2026-11-21 in every state of the loop
-- (about 72 % closed); every further base_cases (--times 2, 5) are the 690 days before, all closed: a county's history
-- growing over the years, the current years as before. Three in five received by a township deputy on reception day. No deadline rows: the clock must not wake up for old cases.
-- Citizens' names and phones go in as plain text (SQL cannot seal them with AES-GCM); the running case-service's
-- PlainTextSweep seals them in the background (every 30 s) and nulls the plain columns, so none stays stored whole.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_township AS
SELECT row_number() OVER (ORDER BY code) AS idx, code, name, parent_code AS county
FROM (SELECT * FROM bench_region WHERE level = 'township' ORDER BY code LIMIT :townships) t;
SELECT count(*) AS township_count FROM bench_township \gset
CREATE TEMP TABLE bench_category AS SELECT row_number() OVER (ORDER BY code) AS idx, code FROM category;
SELECT count(*) AS category_count FROM bench_category \gset

INSERT INTO deputy_copy (deputy_id, name, region_code, active, updated_at, levels)
SELECT md5('bench:deputy:' || t.code || ':' || n)::uuid, t.name || '代表' || lpad(n::text, 3, '0'), t.code, true, now(),
       CASE WHEN n % 5 = 0 THEN '["TOWNSHIP","COUNTY"]' ELSE '["TOWNSHIP"]' END::jsonb
FROM bench_township t, generate_series(1, :per_township) n
ON CONFLICT (deputy_id) DO NOTHING;

INSERT INTO unit (id, seed_key, name, region_code, level, kind)
SELECT md5('bench:unit:' || code)::uuid, 'bench:' || code, name || '人民政府', code, 'TOWNSHIP', 'TOWNSHIP_GOVERNMENT' FROM bench_township
UNION ALL
SELECT md5('bench:unit:' || code)::uuid, 'bench:' || code, name || '人民政府', code, 'COUNTY', 'DEPARTMENT'
FROM bench_region WHERE level = 'county' AND code IN (SELECT county FROM bench_township)
ON CONFLICT DO NOTHING;

INSERT INTO citizen_case (id, tracking_code, title, content, category, kind, urgent, region_code, station_id, channel,
                          citizen_name, citizen_phone, receiving_deputy_id, unit_id, status, satisfaction, received_at,
                          closed_at, closed_on_time, working_days_to_close, created_by)
SELECT md5('bench:case:' || g)::uuid, 'LB' || lpad(g::text, 10, '0'), '群众反映事项 ' || g, '批量生成的压力测试数据', c.code,
       (ARRAY ['HELP', 'COMPLAINT', 'ENQUIRY', 'SUGGESTION'])[1 + g % 4], g % 50 = 0, t.code,
       CASE WHEN g % 5 < 3 THEN md5('bench:station:' || t.code)::uuid END,
       (ARRAY ['RECEPTION', 'RECEPTION', 'RECEPTION', 'MAILBOX', 'ONLINE'])[1 + g % 5],
       '群众', '138' || lpad((g % 100000000)::text, 8, '0'),
       CASE WHEN g % 5 < 3 THEN md5('bench:deputy:' || t.code || ':' || (1 + (g / :township_count) % :per_township))::uuid END,
       CASE WHEN s.status <> 'RECEIVED' THEN md5('bench:unit:' || t.code)::uuid END, s.status,
       CASE WHEN s.status = 'CLOSED' THEN CASE WHEN g % 10 = 0 THEN 'BASICALLY_SATISFIED' ELSE 'SATISFIED' END END,
       r.at, CASE WHEN s.status = 'CLOSED' THEN r.at + (1 + g % 10) * interval '1 day' END,
       CASE WHEN s.status = 'CLOSED' THEN g % 13 <> 0 END, CASE WHEN s.status = 'CLOSED' THEN 1 + g % 10 END, 'bench'
FROM generate_series(1, :cases) g
JOIN bench_township t ON t.idx = 1 + g % :township_count
JOIN bench_category c ON c.idx = 1 + g % :category_count
CROSS JOIN LATERAL (SELECT CASE WHEN g > :base_cases THEN 'CLOSED' ELSE
                                CASE g % 20 WHEN 0 THEN 'RECEIVED' WHEN 1 THEN 'ASSIGNED' WHEN 2 THEN 'IN_PROGRESS'
                                       WHEN 3 THEN 'HANDLED' WHEN 4 THEN 'REPLIED'
                                       WHEN 5 THEN CASE WHEN g % 100 = 5 THEN 'SUPERVISOR_REVIEW' ELSE 'CLOSED' END
                                       ELSE 'CLOSED' END END AS status) s
CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2025-01-01 08:00:00+08' + ((g::bigint * 7919) % 690) * interval '1 day'
                               + (g % 28800) * interval '1 second'
                               - ((g - 1) / :base_cases) * interval '690 days' AS at) r
ON CONFLICT (id) DO NOTHING;

INSERT INTO suggestion (id, title, content, region_code, lead_deputy_id, status, lead_unit_id, assigned_on, grade,
                        answered_on, submitted_at, closed_at)
SELECT md5('bench:suggestion:' || s)::uuid, '代表建议 ' || s, '批量生成的压力测试数据', t.code,
       md5('bench:deputy:' || t.code || ':' || (1 + s % :per_township))::uuid, st.status,
       CASE WHEN st.status <> 'SUBMITTED' THEN md5('bench:unit:' || t.county)::uuid END,
       CASE WHEN st.status <> 'SUBMITTED' THEN d.on + 3 END,
       CASE WHEN st.status IN ('ANSWERED', 'CLOSED') THEN (ARRAY ['A', 'B', 'C', 'D'])[1 + s % 4] END,
       CASE WHEN st.status IN ('ANSWERED', 'CLOSED') THEN d.on + 60 END, d.on::timestamptz,
       CASE WHEN st.status = 'CLOSED' THEN (d.on + 70)::timestamptz END
FROM generate_series(1, :suggestions) s
JOIN bench_township t ON t.idx = 1 + s % :township_count
CROSS JOIN LATERAL (SELECT (ARRAY ['SUBMITTED', 'ASSIGNED', 'ANSWERED', 'CLOSED'])[1 + s % 4] AS status) st
CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + (s * 7) % 600 AS on) d
WHERE t.county IN (SELECT code FROM bench_region WHERE level = 'county')
ON CONFLICT (id) DO NOTHING;

INSERT INTO livelihood_project (id, region_code, year, title, description, source, status, progress, proposed_at,
                                completed_at)
SELECT md5('bench:project:' || p)::uuid, t.code, 2025 + p % 2, '民生实事 ' || p, '群众点题', 'CITIZEN', st.status,
       CASE st.status WHEN 'IMPLEMENTING' THEN 50 WHEN 'COMPLETED' THEN 100 WHEN 'EVALUATED' THEN 100 ELSE 0 END,
       make_date(2025 + p % 2, 1 + p % 11, 1)::timestamptz,
       CASE WHEN st.status IN ('COMPLETED', 'EVALUATED') THEN make_date(2025 + p % 2, 12, 1)::timestamptz END
FROM generate_series(1, :projects) p
JOIN bench_township t ON t.idx = 1 + p % :township_count
CROSS JOIN LATERAL (SELECT (ARRAY ['PROPOSED', 'SELECTED', 'REJECTED', 'IMPLEMENTING', 'COMPLETED', 'EVALUATED'])[1 + p % 6]
                        AS status) st
ON CONFLICT (id) DO NOTHING;

ANALYZE citizen_case;
ANALYZE suggestion;
ANALYZE livelihood_project;
