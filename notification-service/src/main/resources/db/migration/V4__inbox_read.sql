-- The in-app inbox (站内信): which account has read which INBOX message. An entry is shared by every account of its
-- recipient (all HANDLER accounts of a unit, the station staff of a region), so "read" is kept per account (the
-- token's sub), beside the message rather than on it.
create table inbox_read (
    account    text        not null,
    message_id uuid        not null references message (id) on delete cascade,
    read_at    timestamptz not null,
    primary key (account, message_id)
);
create index inbox_read_message on inbox_read (message_id);
