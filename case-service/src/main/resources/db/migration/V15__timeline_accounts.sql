-- 履职留痕: each timeline entry keeps the account that acted, not only its role and user name: its id at the identity
-- provider (sub, which a rename does not change), the person's name from the token and, for a handling unit's staff,
-- the unit. Entries written before this version keep what they had (these stay null).
ALTER TABLE case_action ADD COLUMN actor_subject TEXT;
ALTER TABLE case_action ADD COLUMN actor_name TEXT;
ALTER TABLE case_action ADD COLUMN actor_unit_id UUID;
