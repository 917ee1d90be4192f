-- 述职评议: a REPORT activity names the deputy who reports and counts the voters present; the voters assess it, on the
-- spot (staff enter it) or on the H5 with the activity's assessment code, once per phone. The phone is kept only as a
-- keyed hash (never whole): it is compared, never shown or called.
ALTER TABLE activity ADD COLUMN reporting_deputy_id UUID;
ALTER TABLE activity ADD COLUMN voters_present INTEGER CHECK (voters_present >= 0);
ALTER TABLE activity ADD COLUMN assessment_code TEXT UNIQUE;
ALTER TABLE activity ADD CONSTRAINT activity_report_names_its_deputy
    CHECK ((kind = 'REPORT') = (reporting_deputy_id IS NOT NULL AND assessment_code IS NOT NULL));
CREATE INDEX activity_reporting_deputy ON activity (reporting_deputy_id, held_on) WHERE reporting_deputy_id IS NOT NULL;

CREATE TABLE report_assessment (
    id           UUID PRIMARY KEY,
    activity_id  UUID        NOT NULL REFERENCES activity (id),
    phone_hash   TEXT        NOT NULL,
    satisfaction TEXT        NOT NULL CHECK (satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    -- the staff member who entered it on the spot; null when the voter assessed on the H5
    recorded_by  TEXT,
    at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT report_assessment_once_per_phone UNIQUE (activity_id, phone_hash)
);
