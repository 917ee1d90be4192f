package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.time.Zones;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 退回: a unit that got a case it should not handle sends it back to the dispatcher within one working day of getting
 * it (to the end of the next working day); after that it handles it, or escalates it.
 */
public final class ReturnPolicy {

    /** Working days a unit has to return a case, not counting the day it got it. */
    public static final int WINDOW_WORKING_DAYS = 1;

    private ReturnPolicy() {
    }

    /** When the window to return a case the unit got at {@code assignedAt} closes: the end of its last day. */
    public static Instant windowCloses(Instant assignedAt, WorkingCalendar calendar) {
        LocalDate got = assignedAt.atZone(Zones.CHINA).toLocalDate();
        LocalDate last = calendar.addWorkingDays(got, WINDOW_WORKING_DAYS);
        return last.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
    }

    /** Returns when the window is still open at {@code now}; otherwise 409 {@code return-window-closed}. */
    public static void requireWithinWindow(Instant assignedAt, Instant now, WorkingCalendar calendar) {
        Instant closes = windowCloses(assignedAt, calendar);
        if (!now.isBefore(closes)) {
            LocalDate last = closes.atZone(Zones.CHINA).toLocalDate().minusDays(1);
            throw ProblemException.conflict("return-window-closed", "the window to return this case (退回) closed at the "
                    + "end of " + last + ", " + WINDOW_WORKING_DAYS + " working day after it was assigned to the unit; "
                    + "it is handled, or escalated (上交)");
        }
    }
}
