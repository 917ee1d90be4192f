package cn.lianluo.cases.calendar.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The events of the province's working-day calendar on {@code case.events}, keyed {@value #SUBJECT} so they stay in
 * order on one partition. station-service follows them for its reception days.
 */
public final class CalendarEvents {

    public static final String SUBJECT = "calendar";
    public static final String ARRANGED = "lianluo.case.calendar-arranged.v1";
    public static final String DAY_SET = "lianluo.case.calendar-day-set.v1";
    public static final String DAY_REMOVED = "lianluo.case.calendar-day-removed.v1";

    private CalendarEvents() {
    }

    public record Day(LocalDate date, boolean working, String name) {
    }

    /** The official arrangement of {@code year}: these days replace every day of the year. */
    public record Arranged(int year, List<Day> days, Instant at) {
    }

    /** One day set ({@code working} and {@code name} given) or removed (both null: the weekday rule again). */
    public record DayChanged(LocalDate date, Boolean working, String name, Instant at) {
    }
}
