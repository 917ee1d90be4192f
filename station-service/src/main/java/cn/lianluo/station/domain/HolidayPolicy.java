package cn.lianluo.station.domain;

/** What a reception day does when it falls on a day that is not a working day (weekend or 法定节假日). */
public enum HolidayPolicy {
    /** Held whatever the day: market days (赶集日) fall where they fall. */
    HELD("节假日照常接待"),
    /** Not held that time. */
    SKIPPED("遇休息日取消"),
    /** Moved to the next working day (a 调休上班 make-up day counts as one). */
    NEXT_WORKING_DAY("遇休息日顺延至下一个工作日");

    private final String label;

    HolidayPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
