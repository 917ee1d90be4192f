-- Province-scale data for deputy-service (./suite seed). Variables: townships, per_township (deputies per township).
-- Every township deputy sits in the township's 联络站 (全员入站); every fifth is also a county deputy.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_township AS
SELECT code, name, parent_code AS county FROM bench_region WHERE level = 'township' ORDER BY code LIMIT :townships;

INSERT INTO station_copy (station_id, name, type, region_code, updated_at)
SELECT md5('bench:station:' || code)::uuid, name || '人大代表联络站', 'STATION', code, now() FROM bench_township
ON CONFLICT (station_id) DO NOTHING;

CREATE TEMP TABLE bench_deputy AS
SELECT md5('bench:deputy:' || t.code || ':' || n)::uuid AS id, t.code, n,
       t.name || '代表' || lpad(n::text, 3, '0') AS name
FROM bench_township t, generate_series(1, :per_township) n;

INSERT INTO deputy (id, seed_key, name, gender, ethnicity, birth_year, region_code, phone, created_at, created_by,
                    updated_at, updated_by)
SELECT id, 'bench:' || code || ':' || n, name, CASE WHEN n % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       CASE WHEN n % 7 = 0 THEN '苗族' WHEN n % 11 = 0 THEN '土家族' ELSE '汉族' END, 1960 + n % 40, code,
       '139' || lpad((abs(hashtext(id::text)) % 100000000)::text, 8, '0'), now(), 'bench', now(), 'bench'
FROM bench_deputy
ON CONFLICT DO NOTHING;

INSERT INTO mandate (id, deputy_id, level, term, term_start, status)
SELECT md5('bench:mandate:t:' || id)::uuid, id, 'TOWNSHIP', 18, DATE '2021-12-01', 'ACTIVE' FROM bench_deputy
UNION ALL
SELECT md5('bench:mandate:c:' || id)::uuid, id, 'COUNTY', 18, DATE '2021-11-15', 'ACTIVE' FROM bench_deputy WHERE n % 5 = 0
ON CONFLICT DO NOTHING;

INSERT INTO assignment (id, deputy_id, station_id, home, from_date, assigned_by)
SELECT md5('bench:assignment:' || id)::uuid, id, md5('bench:station:' || code)::uuid, true, DATE '2022-01-01', 'bench'
FROM bench_deputy
ON CONFLICT DO NOTHING;
