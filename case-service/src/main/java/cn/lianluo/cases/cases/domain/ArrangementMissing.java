package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * A year whose official holiday arrangement (国务院办公厅's notice, with its 调休 days) is not loaded although
 * deadlines already run into it: this year's at any time, next year's from 1 November (China time). Its days off are
 * computed and provisional until the arrangement arrives, and every deadline counted on them may move then.
 *
 * @param year  the year without an arrangement
 * @param since 1 November of the year before: from then on it is missing
 */
public record ArrangementMissing(int year, LocalDate since) {

    /** From this day of the year before, next year's arrangement is expected (the notice usually comes in November or earlier). */
    public static final Month EXPECTED_FROM = Month.NOVEMBER;

    /** The years whose arrangement is missing on {@code today}, earliest first. */
    public static List<ArrangementMissing> on(LocalDate today, WorkingCalendar calendar) {
        List<ArrangementMissing> missing = new ArrayList<>();
        int year = today.getYear();
        if (!calendar.isArranged(year)) {
            missing.add(of(year));
        }
        if (!today.isBefore(LocalDate.of(year, EXPECTED_FROM, 1)) && !calendar.isArranged(year + 1)) {
            missing.add(of(year + 1));
        }
        return List.copyOf(missing);
    }

    private static ArrangementMissing of(int year) {
        return new ArrangementMissing(year, LocalDate.of(year - 1, EXPECTED_FROM, 1));
    }

    /** What a person reads on the dashboard and in the readiness detail. */
    public String message() {
        return year + "年节假日安排（国务院办公厅通知）尚未导入：" + year + "年的节假日为按规则推算的暂定日期，调休上班日未知，"
                + "落在其中的办理时限可能变动。请省级管理员导入（PUT /api/v1/calendar/" + year + "）。";
    }
}
