-- The years whose official arrangement (国务院办公厅's notice, with its 调休 days) is loaded: from the reference
-- files shipped in the jar, or by case-service's lianluo.case.calendar-arranged.v1 event. Every other year's days off are
-- computed from the holiday rules and served as provisional.
CREATE TABLE calendar_year (
    year        INT PRIMARY KEY,
    arranged_at TIMESTAMPTZ NOT NULL,
    arranged_by TEXT        NOT NULL
);
