-- Shared by every service: the transactional outbox and the idempotent-consumer log.

-- One row per event, written in the same transaction as the change it reports.
-- seq orders the relay; id is the CloudEvents id, so a resend keeps it.
CREATE TABLE outbox (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    aggregate_id TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    envelope     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;

-- (consumer, event_id) inserted first, in the same transaction as the effect:
-- a duplicate key means the event was already applied.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
