-- station-service's copy of the deputies (from deputy.events): who may be named on duty at a reception or as a
-- participant of an activity. An unknown, inactive or foreign deputy is refused, so no entry is credited to them.
CREATE TABLE deputy_copy (
    deputy_id   UUID PRIMARY KEY,
    region_code TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL,
    -- the stations the deputy is assigned to now (home or not), from the assigned / unassigned events
    station_ids JSONB       NOT NULL DEFAULT '[]',
    updated_at  TIMESTAMPTZ NOT NULL
);
