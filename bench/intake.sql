-- pgbench: one citizen's case intake as case-service writes it (statements read off PostgreSQL's log of a real
-- intake with log_statement = all: the duplicate check, the outbox row, the case, its first deadline and its timeline
-- entry), plus the outbox relay's mark that the event was sent. The categories and deadline policies, which the log
-- showed read too, are kept 30 s in case-service's memory, so a warm intake does not read them.
-- The rows are written by 'bench-reference' and deleted after the run (./suite bench); the outbox row is marked sent
-- in the same transaction, so the relay never publishes it.
-- The ids are made from one random number (case-service makes them in Java: no round trip for them).
\set phone random(13000000000, 13999999999)
\set r random(1, 9000000000000000000)
BEGIN;
SELECT id FROM citizen_case WHERE status NOT IN ('CLOSED', 'MERGED') AND received_at >= now() - interval '30 days'
  AND region_code LIKE '433124%' AND (citizen_phone_hash = ('bench-ref:' || :phone::text) OR false)
  ORDER BY (citizen_phone_hash = ('bench-ref:' || :phone::text)) DESC NULLS LAST, received_at DESC LIMIT 1;
INSERT INTO outbox (id, topic, aggregate_id, type, envelope) VALUES (md5('event' || :r::text)::uuid, 'case.events', md5('case' || :r::text)::uuid::text,
  'lianluo.case.received.v1', '{"specversion":"1.0","type":"lianluo.case.received.v1","source":"/lianluo/case-service","data":{"title":"路灯不亮","regionCode":"433124108","status":"RECEIVED","category":"PROPERTY","kind":"HELP","channel":"ONLINE"}}');
INSERT INTO citizen_case (address, appointment_id, assigned_at, attachments, category, channel, citizen_name,
  citizen_name_sealed, citizen_phone, citizen_phone_hash, citizen_phone_sealed, closed_at, closed_on_time, consented_at,
  consented_notice, content, created_by, extension_days, extension_pending, extension_used, grid_id, kind, lat, lng,
  merged_into, on_the_spot, paused, paused_at, possible_duplicate_of, rated_by_citizen, received_at,
  receiving_deputy_id, region_code, reopen_count, satisfaction, station_id, status, title, tracking_code, unit_id,
  urgent, version, working_days_to_close, id)
  VALUES (NULL, NULL, NULL, '[]', 'PROPERTY', 'ONLINE', NULL, 'dev-not-secret-1.1eQsGi3yPBn1gg9QpAEvxvXsukz/qeG9OOBBJMfvfLFMmQ==',
  NULL, ('bench-ref:' || :phone::text), 'dev-not-secret-1.AopSj8bTFkQn0xy3DgV6LHf4RMLM4lplkd8L7DgbvqZgDeqzKMRM', NULL, NULL, NULL, NULL,
  '村口路灯坏了', 'bench-reference', 0, false, false, NULL, 'HELP', NULL, NULL, NULL, false, false, NULL, NULL, false, now(),
  NULL, '433124108', 0, NULL, NULL, 'RECEIVED', '路灯不亮', upper(substr(md5(md5('case' || :r::text)), 1, 12)), NULL, false, 0, NULL,
  md5('case' || :r::text)::uuid);
INSERT INTO case_deadline (case_id, due_at, due_date, met_at, overdue_at, paused, region_code, report_on, reported_at,
  span, stage, started_at, urge_on, urged_at, version, warn_at, warned_at, id)
  VALUES (md5('case' || :r::text)::uuid, now() + interval '1 day', current_date + 1, NULL, NULL, false, '433124108', current_date + 11, NULL,
  1, 'ASSIGN', now(), current_date + 4, NULL, 0, now() + interval '20 hours', NULL, md5('deadline' || :r::text)::uuid);
INSERT INTO case_action (action, actor, actor_name, actor_role, actor_subject, actor_unit_id, at, case_id, content, note,
  status, unit_id, id) VALUES ('RECEIVED', 'bench-reference', NULL, 'STATION_STAFF', 'bench-reference', NULL, now(),
  md5('case' || :r::text)::uuid, NULL, NULL, 'RECEIVED', NULL, md5('action' || :r::text)::uuid);
UPDATE outbox SET sent_at = now() WHERE id = md5('event' || :r::text)::uuid;
END;
