-- Yearly totals (年度积分) kept beside the ledger, so rankings and dashboards read one row per deputy and year instead
-- of summing the ledger: at province scale (2.4 million entries) the sum took most of a minute. A statement-level
-- trigger adds what each INSERT into the ledger brings (one upsert per statement, however many rows it inserts), so
-- the totals cannot drift from the ledger whichever code or bulk load writes it. The ledger stays append-only.
CREATE TABLE deputy_year_total (
    deputy_id   UUID NOT NULL,
    year        INT  NOT NULL,
    region_code TEXT NOT NULL,
    points      INT  NOT NULL,
    PRIMARY KEY (deputy_id, year)
);
CREATE INDEX deputy_year_total_rank ON deputy_year_total (year, points DESC);

CREATE FUNCTION ledger_adds_to_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deputy_year_total (deputy_id, year, region_code, points)
    SELECT deputy_id, year, max(region_code), sum(points) FROM new_entries GROUP BY deputy_id, year
    ORDER BY deputy_id, year
    ON CONFLICT (deputy_id, year) DO UPDATE SET points = deputy_year_total.points + EXCLUDED.points,
                                                region_code = EXCLUDED.region_code;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_totals AFTER INSERT ON ledger_entry REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_adds_to_totals();

INSERT INTO deputy_year_total (deputy_id, year, region_code, points)
SELECT deputy_id, year, max(region_code), sum(points) FROM ledger_entry GROUP BY deputy_id, year;

-- a deputy's station entries in a year, for every deputy of a region at once (dashboards, alerts)
CREATE INDEX fact_station_entries ON fact (deputy_id, occurred_on) WHERE fact_type = 'STATION_ENTRY';
