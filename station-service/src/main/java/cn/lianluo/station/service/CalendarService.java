package cn.lianluo.station.service;

import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.station.persistence.CalendarRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The working-day calendar as station-service holds it (loaded from the seeds; days off and make-up days). */
@ApplicationScoped
public class CalendarService {

    private final CalendarRepository days;

    public CalendarService(CalendarRepository days) {
        this.days = days;
    }

    public WorkingCalendar calendar() {
        return new WorkingCalendar(days.listAll().stream()
                .map(d -> new CalendarDay(d.day, d.working, d.name)).toList());
    }
}
