-- Every replay of a dead letter (DeadLetters.replay): who sent which record of which dead-letter topic back to which
-- topic, and when. A repeatable migration with IF NOT EXISTS, like R__processed_event_age_index.sql: each service has
-- its own versions after V0_1 already, and a rerun is harmless.
CREATE TABLE IF NOT EXISTS dead_letter_replay (
    id               BIGSERIAL PRIMARY KEY,
    replayed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_by      TEXT        NOT NULL,
    dlq_topic        TEXT        NOT NULL,
    dlq_partition    INT         NOT NULL,
    dlq_offset       BIGINT      NOT NULL,
    event_id         TEXT,
    target_topic     TEXT        NOT NULL,
    target_partition INT         NOT NULL
);
CREATE INDEX IF NOT EXISTS dead_letter_replay_record ON dead_letter_replay (dlq_topic, dlq_partition, dlq_offset);
