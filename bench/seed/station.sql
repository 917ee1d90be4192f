-- Province-scale data for station-service (./suite seed). Input: bench_region (the province tree, loaded by
-- ./suite seed), psql variable townships (how many townships get data, in code order).
-- One 人大代表联络站 per township and one 代表之家 per county; a third of them short of the 六有 standard.
\set ON_ERROR_STOP on
INSERT INTO region (code, name, level, parent_code)
SELECT code, name, upper(level), nullif(parent_code, '') FROM bench_region ORDER BY length(code), code
ON CONFLICT (code) DO NOTHING;

CREATE TEMP TABLE bench_township AS
SELECT code, name, parent_code AS county FROM bench_region WHERE level = 'township' ORDER BY code LIMIT :townships;

INSERT INTO station (id, seed_key, type, name, region_code, address, features, schedules, standard_met, created_at,
                     created_by, updated_at, updated_by)
SELECT md5('bench:station:' || t.code)::uuid, 'bench:' || t.code, 'STATION', t.name || '人大代表联络站', t.code, t.name,
       '["MAILBOX"]'::jsonb, '[]'::jsonb, abs(hashtext(t.code)) % 3 <> 0, now(), 'bench', now(), 'bench'
FROM bench_township t
UNION ALL
SELECT md5('bench:station:' || c.code)::uuid, 'bench:' || c.code, 'HOME', c.name || '人大代表之家', c.code, c.name,
       '[]'::jsonb, '[]'::jsonb, true, now(), 'bench', now(), 'bench'
FROM bench_region c WHERE c.level = 'county' AND c.code IN (SELECT county FROM bench_township)
ON CONFLICT (seed_key) DO NOTHING;

-- station-service's copy of the bench deputies (bench/seed/deputy.sql writes them without events): every township
-- deputy is active and sits in the township's 联络站, so receptions there may name them.
INSERT INTO deputy_copy (deputy_id, region_code, active, station_ids, updated_at)
SELECT md5('bench:deputy:' || t.code || ':' || n)::uuid, t.code, true,
       jsonb_build_array(md5('bench:station:' || t.code)::uuid::text), now()
FROM bench_township t, generate_series(1, :per_township) n
ON CONFLICT (deputy_id) DO NOTHING;
