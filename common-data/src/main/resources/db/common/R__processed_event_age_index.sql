-- The hourly pruning of processed_event (ProcessedEvents.prune) finds old ids by age. A repeatable migration, so the
-- databases that already ran V0_1 get the index too; IF NOT EXISTS keeps a rerun harmless.
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
