-- notification-service, the rules and the dispatch worker (docs/notifications.md): what a message needs to be sent,
-- the contacts of units, stations and deputies, the citizens' opt-outs and daily counts, a copy of deputies' regions.

-- the template's variables (JSON) the SMS provider is given; the address masked, for the message log; when a replica
-- took the message to send it (SENDING long after: the replica died, the message is FAILED "interrupted")
alter table message add column params text;
alter table message add column address_masked text;
alter table message add column taken_at timestamptz;

-- e-mail and phone of a unit, a station or a deputy, managed by ADMIN in the contact's region; the phone sealed
create table contact (
    kind         text        not null check (kind in ('UNIT', 'STATION', 'DEPUTY')),
    id           uuid        not null,
    region_code  text        not null,
    email        text,
    phone_sealed text,
    phone_masked text,
    updated_at   timestamptz not null,
    primary key (kind, id)
);
create index contact_region on contact (region_code text_pattern_ops);

-- the cases whose citizen this service has heard of: an opt-out names a tracking code and a phone, both compared as
-- keyed hashes (lianluo.notify.key), never stored in plain text
create table citizen_case (
    case_id       uuid primary key,
    tracking_hash text        not null,
    phone_hash    text        not null,
    region_code   text        not null,
    seen_at       timestamptz not null
);
create index citizen_case_tracking on citizen_case (tracking_hash);

-- a citizen's phone that wants no more SMS
create table opt_out (
    phone_hash text primary key,
    case_id    uuid        not null,
    at         timestamptz not null
);

-- SMS sent (or being sent) to one phone on one China day, against lianluo.notify.sms.daily-cap
create table sms_daily (
    phone_hash text not null,
    day        date not null,
    sent       int  not null,
    primary key (phone_hash, day)
);

-- deputies' regions and whether they serve, from deputy.events: who hears that a vote of their region opened
create table deputy_copy (
    deputy_id   uuid primary key,
    region_code text        not null,
    active      boolean     not null,
    updated_at  timestamptz not null
);
create index deputy_copy_region on deputy_copy (region_code text_pattern_ops) where active;
