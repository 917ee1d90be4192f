package cn.lianluo.common.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the weekday rule: a statutory day off ({@code working == false}) or a make-up
 * working day 调休上班 ({@code working == true}).
 */
public record CalendarDay(LocalDate date, boolean working, String name) {
}
