package cn.lianluo.station.service;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.data.CalendarTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The working-day calendar as station-service holds it: the official arrangements shipped in the jar, those
 * case-service announces, and every other year computed (provisional).
 */
@ApplicationScoped
public class CalendarService {

    private final CalendarTables tables;

    public CalendarService(CalendarTables tables) {
        this.tables = tables;
    }

    @Transactional
    public WorkingCalendar calendar() {
        return tables.calendar();
    }
}
