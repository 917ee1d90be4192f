package cn.lianluo.common.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the weekday rule: a statutory day off ({@code working == false}) or a make-up
 * working day 调休上班 ({@code working == true}). {@code provisional}: a day off computed from the holiday rules for
 * a year whose official arrangement (国务院办公厅's notice, with its 调休) is not loaded yet; the arrangement
 * replaces it.
 */
public record CalendarDay(LocalDate date, boolean working, String name, boolean provisional) {

    /** A day of an official arrangement, or one an ADMIN set. */
    public CalendarDay(LocalDate date, boolean working, String name) {
        this(date, working, name, false);
    }
}
