-- notification-service, the sending path made safer (docs/notifications.md, "Sending"): LOG_ONLY for an SMS the
-- log adapter wrote to the log instead of sending; whether a message already took its place under the phone's daily
-- cap (taken once per message, not once per attempt); an index for the pass that fails messages left SENDING.
alter table message drop constraint message_status_check;
alter table message add constraint message_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'LOG_ONLY', 'SKIPPED', 'FAILED'));

alter table message add column cap_reserved boolean not null default false;

create index message_sending on message (taken_at) where status = 'SENDING';

-- the retention job deletes final messages by age (their attempts and inbox reads go with them)
create index message_created on message (created_at);
create index sms_daily_day on sms_daily (day);
create index webhook_event_matched on webhook_event (matched_at);
