-- notification-service: deliveries by their webhook event. The foreign key's cascade (deleting a subscription's or
-- the retention job's events) and the retention job's check that none of an event's deliveries is still pending look
-- deliveries up by webhook_event_id; without an index each event deleted read the whole table.
create index webhook_delivery_event on webhook_delivery (webhook_event_id);
