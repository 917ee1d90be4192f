-- 代表有约: a deputy's slots at a station, and citizens' appointments in them. A citizen's name and phone are sealed
-- (AES-256-GCM under lianluo.privacy.key, station-service's own key) and the phone and the booking code are kept as
-- keyed hashes (lianluo.privacy.hash-key) that booking and cancelling compare: a dump of this table shows neither.
CREATE TABLE appointment_slot (
    id          UUID PRIMARY KEY,
    station_id  UUID        NOT NULL REFERENCES station (id),
    region_code TEXT        NOT NULL,                 -- the station's
    deputy_id   UUID        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    minutes     INT         NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    capacity    INT         NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    opened_by   TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL
);
-- one slot per deputy, station and moment: generating a reception day's slots twice adds none
CREATE UNIQUE INDEX appointment_slot_once ON appointment_slot (deputy_id, station_id, starts_at);
CREATE INDEX appointment_slot_station ON appointment_slot (station_id, starts_at);

CREATE TABLE appointment (
    id             UUID PRIMARY KEY,
    slot_id        UUID        NOT NULL REFERENCES appointment_slot (id),
    station_id     UUID        NOT NULL REFERENCES station (id),
    region_code    TEXT        NOT NULL,
    deputy_id      UUID        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'MET', 'CITIZEN_NO_SHOW', 'DEPUTY_NO_SHOW')),
    topic          TEXT        NOT NULL,
    citizen_name_sealed  TEXT  NOT NULL,
    citizen_phone_sealed TEXT  NOT NULL,
    citizen_phone_hash   TEXT  NOT NULL,
    code_hash      TEXT        NOT NULL UNIQUE,
    booked_at      TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    closed_by      TEXT,                              -- the token's subject; 'citizen' when the citizen cancelled
    reception_id   UUID REFERENCES reception (id),   -- the station entry the meeting became
    request        TEXT,                              -- what remains to be handled after the meeting, if anything
    note           TEXT
);
-- one open appointment per phone and deputy: the second is refused by the database as well as by the service
CREATE UNIQUE INDEX appointment_open_once ON appointment (deputy_id, citizen_phone_hash) WHERE status = 'BOOKED';
CREATE INDEX appointment_slot_idx ON appointment (slot_id);
CREATE INDEX appointment_station ON appointment (station_id, booked_at);
CREATE INDEX appointment_deputy ON appointment (deputy_id, booked_at);
