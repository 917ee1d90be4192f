-- 代表有约, second step. A booking records which version of the notice on personal data (个人信息处理告知) its citizen
-- agreed to and when, as case-service does for a case (PIPL art. 14, 17); null for bookings made before this version.
-- Why a booking was cancelled: CITIZEN (with code and phone) or SLOT_WITHDRAWN (the deputy's slot was withdrawn).
ALTER TABLE appointment
    ADD COLUMN consented_notice TEXT,
    ADD COLUMN consented_at     TIMESTAMPTZ,
    ADD COLUMN cancel_reason    TEXT CHECK (cancel_reason IN ('CITIZEN', 'SLOT_WITHDRAWN'));
UPDATE appointment SET cancel_reason = 'CITIZEN' WHERE status = 'CANCELLED';

-- A slot the deputy (or staff for them) withdrew: it takes no booking, and it keeps its place in the unique index, so
-- opening the reception day again does not bring it back.
ALTER TABLE appointment_slot
    ADD COLUMN withdrawn_at    TIMESTAMPTZ,
    ADD COLUMN withdrawn_by    TEXT,
    ADD COLUMN withdraw_reason TEXT;
