-- GET /api/v1/points/ledger/changes: ledger entries read by cursor, in the order of the transaction that wrote each
-- (common-data ChangeFeed). The trigger records that transaction's 64-bit id (xid8, no wraparound); a page reads only
-- entries below the xmin of a fresh snapshot (every transaction below it has ended), so an entry written by a
-- transaction that is still open is left for a later page instead of being skipped, as ordering by seq could.
-- Entries from before have xact 0 and come first, in id order: a column with a constant default rewrites no row.
ALTER TABLE ledger_entry ADD COLUMN IF NOT EXISTS xact BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION written_by_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.xact := CAST(CAST(pg_current_xact_id() AS text) AS bigint);
    RETURN NEW;
END
$$;

-- the ledger is never edited (ledger_append_only), so an entry is written once
CREATE TRIGGER ledger_entry_written BEFORE INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION written_by_transaction();

-- the keyset of each level's scope (a village reads its township's), so that a page costs the same at any depth;
-- IF NOT EXISTS: on a big table an operator may build them beforehand CONCURRENTLY (docs/deploy.md)
CREATE INDEX IF NOT EXISTS ledger_changes_province ON ledger_entry (left(region_code, 2), xact, id);
CREATE INDEX IF NOT EXISTS ledger_changes_city ON ledger_entry (left(region_code, 4), xact, id);
CREATE INDEX IF NOT EXISTS ledger_changes_county ON ledger_entry (left(region_code, 6), xact, id);
CREATE INDEX IF NOT EXISTS ledger_changes_township ON ledger_entry (left(region_code, 9), xact, id);
