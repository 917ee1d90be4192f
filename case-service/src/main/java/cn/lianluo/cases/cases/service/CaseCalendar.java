package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.region.RegionCode;

/**
 * The working days and the deadline policies the case loop counts its time limits in. The calendar feature keeps
 * both and provides them (as {@code CalendarService}), so that the case loop does not depend on the feature that
 * serves it.
 */
public interface CaseCalendar {

    /** The province's working-day calendar. */
    WorkingCalendar calendar();

    /** The policy of the most specific region prefix that has one, else {@link DeadlinePolicy#DEFAULT}. */
    DeadlinePolicy policyFor(RegionCode region);
}
