-- GET /api/v1/deputies/changes: deputies read by cursor, in the order of the transaction that last wrote each row
-- (common-data ChangeFeed). The trigger records that transaction's 64-bit id (xid8, no wraparound) on every insert
-- and update; a page reads only rows below the xmin of a fresh snapshot (every transaction below it has ended), so a
-- deputy written by a transaction that is still open is left for a later page instead of being skipped.
-- Rows from before have xact 0 and come first, in id order: a column with a constant default rewrites no row.
ALTER TABLE deputy ADD COLUMN IF NOT EXISTS xact BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION written_by_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.xact := CAST(CAST(pg_current_xact_id() AS text) AS bigint);
    RETURN NEW;
END
$$;

CREATE TRIGGER deputy_written BEFORE INSERT OR UPDATE ON deputy
    FOR EACH ROW EXECUTE FUNCTION written_by_transaction();

-- a deputy as the lists show them carries their mandates (active, levels) and home station: a change to those is a
-- change to the deputy, written on the deputy's row so that the deputy comes again
CREATE FUNCTION deputy_part_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE deputy SET xact = 0 WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.deputy_id ELSE NEW.deputy_id END;
    IF TG_OP = 'UPDATE' AND OLD.deputy_id <> NEW.deputy_id THEN
        UPDATE deputy SET xact = 0 WHERE id = OLD.deputy_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER mandate_written AFTER INSERT OR UPDATE OR DELETE ON mandate
    FOR EACH ROW EXECUTE FUNCTION deputy_part_written();
CREATE TRIGGER assignment_written AFTER INSERT OR UPDATE OR DELETE ON assignment
    FOR EACH ROW EXECUTE FUNCTION deputy_part_written();

-- the keyset of each level's scope (a village reads its township's), so that a page costs the same at any depth;
-- IF NOT EXISTS: on a big table an operator may build them beforehand CONCURRENTLY (docs/deploy.md)
CREATE INDEX IF NOT EXISTS deputy_changes_province ON deputy (left(region_code, 2), xact, id);
CREATE INDEX IF NOT EXISTS deputy_changes_city ON deputy (left(region_code, 4), xact, id);
CREATE INDEX IF NOT EXISTS deputy_changes_county ON deputy (left(region_code, 6), xact, id);
CREATE INDEX IF NOT EXISTS deputy_changes_township ON deputy (left(region_code, 9), xact, id);
