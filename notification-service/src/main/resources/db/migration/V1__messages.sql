-- notification-service: every message the rules decide on, one row per (event, recipient, channel), and every attempt
-- to send it. The unique key is what makes a redelivered event, a restart or a second replica send nothing twice.
create table message (
    id             uuid primary key,
    event_id       uuid        not null,
    event_type     text        not null,
    -- the rule of the rule table that chose this message (docs/notifications.md)
    rule           text        not null,
    -- a Recipient key: citizen:<case id>, unit:<unit id>, station:<station id>, deputy:<deputy id>
    recipient      text        not null,
    channel        text        not null check (channel in ('SMS', 'EMAIL', 'INBOX')),
    region_code    text        not null,
    -- the aggregate the event is about (a case id, a deputy id), for lists and for ordering
    subject        text,
    template       text        not null,
    title          text        not null,
    body           text        not null,
    -- the phone or e-mail address, sealed (keyId:base64 of AES-GCM), opened only to send; null for the inbox
    address_sealed text,
    urgent         boolean     not null default false,
    status         text        not null check (status in ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED')),
    not_before     timestamptz not null,
    attempts       int         not null default 0,
    created_at     timestamptz not null,
    sent_at        timestamptz,
    unique (event_id, recipient, channel)
);
create index message_due on message (not_before) where status = 'PENDING';
create index message_recipient on message (recipient, created_at desc);
create index message_region on message (region_code text_pattern_ops, created_at desc);

create table message_attempt (
    id          bigserial primary key,
    message_id  uuid        not null references message (id) on delete cascade,
    at          timestamptz not null,
    -- SENT, RETRY, GIVE_UP, or why it was not sent: QUIET_HOURS, DAILY_CAP, OPTED_OUT, NO_ADDRESS
    outcome     text        not null,
    provider    text,
    code        text,
    detail      text
);
create index message_attempt_message on message_attempt (message_id, at);
