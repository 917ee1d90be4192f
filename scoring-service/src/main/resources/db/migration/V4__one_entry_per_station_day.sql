-- A deputy's station entry (进站) is one per station and day, however many receptions name them there that day
-- (a reception posted twice, morning and afternoon sessions): the fact of a reception carries its station, and a
-- second one for the same deputy, station and day is not recorded (FactEvents' INSERT … ON CONFLICT DO NOTHING), so
-- it earns no points and does not add to station_entry_count. Facts recorded before this version carry no station
-- and stay as they were.
ALTER TABLE fact ADD COLUMN station_id UUID;
CREATE UNIQUE INDEX fact_one_station_entry_a_day ON fact (deputy_id, station_id, occurred_on)
    WHERE fact_type = 'STATION_ENTRY' AND station_id IS NOT NULL;

-- A granted appeal for a missing station entry is a station entry: its ledger entry (kind APPEAL, fact type
-- STATION_ENTRY, reversing nothing) adds to the count that drives the 进站不足 alert and the dossier. A row trigger
-- with a WHEN clause costs the other ledger inserts nothing.
CREATE FUNCTION appeal_adds_to_entry_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO station_entry_count (deputy_id, year, entries) VALUES (NEW.deputy_id, NEW.year, 1)
    ON CONFLICT (deputy_id, year) DO UPDATE SET entries = station_entry_count.entries + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER appeal_entry_counts AFTER INSERT ON ledger_entry FOR EACH ROW
    WHEN (NEW.kind = 'APPEAL' AND NEW.fact_type = 'STATION_ENTRY' AND NEW.reverses IS NULL)
    EXECUTE FUNCTION appeal_adds_to_entry_counts();

-- and a correction (or a granted appeal) that reverses such an entry takes the entry back out of the count
CREATE FUNCTION reversal_takes_from_entry_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE station_entry_count c SET entries = c.entries - 1
    FROM ledger_entry r
    WHERE r.id = NEW.reverses AND r.kind = 'APPEAL' AND r.fact_type = 'STATION_ENTRY' AND r.reverses IS NULL
      AND c.deputy_id = r.deputy_id AND c.year = r.year;
    RETURN NULL;
END $$;
CREATE TRIGGER reversal_entry_counts AFTER INSERT ON ledger_entry FOR EACH ROW
    WHEN (NEW.reverses IS NOT NULL AND NEW.kind <> 'REVERSAL')
    EXECUTE FUNCTION reversal_takes_from_entry_counts();

-- the ranking and the export list every active deputy of a region, those without points too (with 0)
CREATE INDEX deputy_copy_active_region ON deputy_copy (region_code text_pattern_ops) WHERE active;
