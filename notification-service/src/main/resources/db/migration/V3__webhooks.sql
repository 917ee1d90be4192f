-- notification-service: webhooks for other government systems (docs/notifications.md, "Webhooks"). A subscription
-- names a URL, the event types and the region it wants; each event it matched is kept as it was delivered (so it can
-- be replayed from a time), each delivery of such an event is a row worked off by the delivery worker, and every
-- attempt is recorded.
create table webhook_subscription (
    id            uuid primary key,
    url           text        not null,
    -- space-separated: exact event types (lianluo.case.received.v1) or prefixes ending in * (lianluo.case.*)
    event_types   text        not null,
    region_prefix text        not null,
    -- the signing secret, sealed with lianluo.notify.webhook-key (keyId:base64 of AES-GCM); never shown back
    secret_sealed text        not null,
    status        text        not null check (status in ('ACTIVE', 'PAUSED')),
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index webhook_subscription_region on webhook_subscription (region_prefix text_pattern_ops);

-- the envelope each subscription matched, as delivered (data.citizen.sealed dropped)
create table webhook_event (
    id              bigserial primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_id        uuid        not null,
    event_type      text        not null,
    subject         text,
    region_code     text        not null,
    event_time      timestamptz not null,
    envelope        text        not null,
    matched_at      timestamptz not null,
    unique (subscription_id, event_id)
);
create index webhook_event_time on webhook_event (subscription_id, event_time);

-- one delivery of a matched event (the first, or a replay); the id orders the deliveries of a subscription and subject
create table webhook_delivery (
    id               bigserial primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    webhook_event_id bigint      not null references webhook_event (id) on delete cascade,
    subject          text,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    -- EVENT (the event came in), REPLAY (replayed from a time)
    reason           text        not null,
    attempts         int         not null default 0,
    not_before       timestamptz not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status      int,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
create index webhook_delivery_due on webhook_delivery (not_before, id) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (subscription_id, subject, id) where status = 'PENDING';
create index webhook_delivery_dead on webhook_delivery (subscription_id, id) where status = 'DEAD';

create table webhook_attempt (
    id          bigserial primary key,
    delivery_id bigint      not null references webhook_delivery (id) on delete cascade,
    at          timestamptz not null,
    -- the HTTP status the receiver answered; null when there was no answer
    status_code int,
    -- DELIVERED, RETRY, DEAD
    outcome     text        not null,
    error       text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, at);
