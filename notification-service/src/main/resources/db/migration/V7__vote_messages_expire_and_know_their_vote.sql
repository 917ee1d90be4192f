-- notification-service, a vote's messages to deputies (docs/notifications.md, "Who hears what"): when a message stops
-- being of use (a vote's close: an SMS still waiting then is SKIPPED, EXPIRED, not sent), and the vote it is about.
alter table message add column expires_at timestamptz;
alter table message add column vote_session_id uuid;

-- the "vote opened" messages written before they were keyed by the vote (one per project, no vote_session_id): a
-- deputy who has one for the region and year is not told again of a vote under way at the upgrade
create index message_vote_opened_unkeyed on message (region_code)
    where rule = 'deputy-vote-opened' and vote_session_id is null;
