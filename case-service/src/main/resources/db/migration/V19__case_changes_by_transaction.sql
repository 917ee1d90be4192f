-- GET /api/v1/cases/changes: cases read by cursor, in the order of the transaction that last wrote each row
-- (common-data ChangeFeed). The trigger records that transaction's 64-bit id (xid8, no wraparound) on every insert
-- and update; a page reads only rows below the xmin of a fresh snapshot (every transaction below it has ended), so a
-- case written by a transaction that is still open is left for a later page instead of being skipped.
-- Rows from before have xact 0 and come first, in id order: a column with a constant default rewrites no row.
ALTER TABLE citizen_case ADD COLUMN IF NOT EXISTS xact BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION written_by_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.xact := CAST(CAST(pg_current_xact_id() AS text) AS bigint);
    RETURN NEW;
END
$$;

CREATE TRIGGER citizen_case_written BEFORE INSERT OR UPDATE ON citizen_case
    FOR EACH ROW EXECUTE FUNCTION written_by_transaction();

-- the keyset of each level's scope (a village reads its township's), so that a page costs the same at any depth;
-- IF NOT EXISTS: on a big table an operator may build them beforehand CONCURRENTLY (docs/deploy.md)
CREATE INDEX IF NOT EXISTS case_changes_province ON citizen_case (left(region_code, 2), xact, id);
CREATE INDEX IF NOT EXISTS case_changes_city ON citizen_case (left(region_code, 4), xact, id);
CREATE INDEX IF NOT EXISTS case_changes_county ON citizen_case (left(region_code, 6), xact, id);
CREATE INDEX IF NOT EXISTS case_changes_township ON citizen_case (left(region_code, 9), xact, id);
