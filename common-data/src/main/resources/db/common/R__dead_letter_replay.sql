-- Every replay of a dead letter (DeadLetters.replay): who handed which record of which dead-letter topic to which
-- channel's consumer, when, and the failure if the consumer gave up again. A repeatable migration with IF NOT EXISTS,
-- like R__processed_event_age_index.sql: each service has its own versions after V0_1 already, and a rerun is
-- harmless.
CREATE TABLE IF NOT EXISTS dead_letter_replay (
    id               BIGSERIAL PRIMARY KEY,
    replayed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_by      TEXT        NOT NULL,
    dlq_topic        TEXT        NOT NULL,
    dlq_partition    INT         NOT NULL,
    dlq_offset       BIGINT      NOT NULL,
    event_id         TEXT,
    channel          TEXT        NOT NULL,
    source_topic     TEXT,
    source_partition INT,
    failure          TEXT
);
CREATE INDEX IF NOT EXISTS dead_letter_replay_record ON dead_letter_replay (dlq_topic, dlq_partition, dlq_offset);

-- The first form of the table (before replays went in-process) sent records back to a target topic; its rows are
-- kept, the target taken as the source.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'dead_letter_replay'
                 AND column_name = 'target_topic') THEN
        ALTER TABLE dead_letter_replay RENAME COLUMN target_topic TO source_topic;
        ALTER TABLE dead_letter_replay RENAME COLUMN target_partition TO source_partition;
        ALTER TABLE dead_letter_replay ALTER COLUMN source_topic DROP NOT NULL;
        ALTER TABLE dead_letter_replay ALTER COLUMN source_partition DROP NOT NULL;
        ALTER TABLE dead_letter_replay ADD COLUMN channel TEXT NOT NULL DEFAULT '';
        ALTER TABLE dead_letter_replay ALTER COLUMN channel DROP DEFAULT;
        ALTER TABLE dead_letter_replay ADD COLUMN failure TEXT;
    END IF;
END
$$;
