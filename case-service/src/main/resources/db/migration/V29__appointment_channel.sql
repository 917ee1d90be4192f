-- 代表有约: a case of channel APPOINTMENT may name the appointment at a station it was left from (station-service's
-- appointment id; no foreign key, the appointment lives in station-service's database). channel has no CHECK of its
-- own, so APPOINTMENT needs no change there. NOT VALID: no earlier row names an appointment.
ALTER TABLE citizen_case ADD COLUMN appointment_id UUID;
ALTER TABLE citizen_case ADD CONSTRAINT citizen_case_appointment_with_its_channel
    CHECK (appointment_id IS NULL OR channel = 'APPOINTMENT') NOT VALID;
