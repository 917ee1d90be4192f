-- The region codes an ADMIN's import added to station-service's tree (lianluo.station.regions-added.v1). With the
-- official trees shipped in the jar they are the regions a case may name (KnownRegions).
CREATE TABLE region_added (
    code     TEXT        PRIMARY KEY,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
