-- after the intake reference (bench/intake.sql), its rows go in one transaction. The tallies are taken off as the
-- delete trigger would, and then the rows are deleted without triggers: the foreign keys that point at citizen_case
-- from itself (merged_into, possible_duplicate_of) have no index, so checking them scans all cases once per row
-- (ten thousand rows took more than ten minutes). Nothing else refers to these rows, as only this script writes them.
BEGIN;
INSERT INTO case_tally_change (county, month, channel, category, received, closed, on_the_spot, closed_on_time,
                               rated, satisfied, days_sum, days_count, merged)
SELECT t.county, t.month, t.channel, t.category, sum(t.received), sum(t.closed), sum(t.on_the_spot),
       sum(t.closed_on_time), sum(t.rated), sum(t.satisfied), sum(t.days_sum), sum(t.days_count), sum(t.merged)
FROM citizen_case o, case_tally_terms(-1, o) t WHERE o.created_by = 'bench-reference' GROUP BY 1, 2, 3, 4;
SET LOCAL session_replication_role = replica;
DELETE FROM case_action WHERE case_id IN (SELECT id FROM citizen_case WHERE created_by = 'bench-reference');
DELETE FROM case_deadline WHERE case_id IN (SELECT id FROM citizen_case WHERE created_by = 'bench-reference');
DELETE FROM outbox WHERE aggregate_id IN (SELECT id::text FROM citizen_case WHERE created_by = 'bench-reference');
DELETE FROM citizen_case WHERE created_by = 'bench-reference';
COMMIT;
