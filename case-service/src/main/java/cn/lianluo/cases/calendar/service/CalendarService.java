package cn.lianluo.cases.calendar.service;

import cn.lianluo.cases.calendar.persistence.CalendarDayEntity;
import cn.lianluo.cases.calendar.persistence.CalendarRepositories;
import cn.lianluo.cases.calendar.persistence.PolicyEntity;
import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The working-day calendar (data, editable by ADMIN) and the deadline policies per region. */
@ApplicationScoped
public class CalendarService {

    private final CalendarRepositories.Days days;
    private final CalendarRepositories.Policies policies;
    private final AtomicReference<WorkingCalendar> cached = new AtomicReference<>();

    public CalendarService(CalendarRepositories.Days days, CalendarRepositories.Policies policies) {
        this.days = days;
        this.policies = policies;
    }

    /** The calendar, read once and kept until a day is changed. */
    @Transactional
    public WorkingCalendar calendar() {
        WorkingCalendar calendar = cached.get();
        if (calendar == null) {
            calendar = new WorkingCalendar(days.listAll().stream()
                    .map(d -> new CalendarDay(d.day, d.working, d.name)).toList());
            cached.set(calendar);
        }
        return calendar;
    }

    @Transactional
    public List<CalendarDay> year(int year) {
        return days.list("day between ?1 and ?2 order by day", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream().map(d -> new CalendarDay(d.day, d.working, d.name)).toList();
    }

    /** Sets a day that differs from the weekday rule (a day off, or a make-up working day). */
    @Transactional
    public CalendarDay setDay(LocalDate date, boolean working, String name) {
        CalendarDayEntity day = days.findById(date);
        if (day == null) {
            day = new CalendarDayEntity();
            day.day = date;
        }
        day.working = working;
        day.name = name.strip();
        days.persist(day);
        cached.set(null);
        return new CalendarDay(day.day, day.working, day.name);
    }

    /** The day follows the weekday rule again. */
    @Transactional
    public void removeDay(LocalDate date) {
        if (!days.deleteById(date)) {
            throw ProblemException.notFound("calendar day", date);
        }
        cached.set(null);
    }

    /** The policy of the most specific region prefix that has one, else the built-in default. */
    @Transactional
    public DeadlinePolicy policyFor(RegionCode region) {
        for (Optional<RegionCode> r = Optional.of(region); r.isPresent(); r = r.get().parent()) {
            PolicyEntity p = policies.findById(r.get().value());
            if (p != null) {
                return new DeadlinePolicy(p.assignDays, p.handleComplaintDays, p.handleEnquiryDays, p.urgentHandleDays,
                        p.replyDays, p.visitDays);
            }
        }
        return DeadlinePolicy.DEFAULT;
    }

    @Transactional
    public DeadlinePolicy setPolicy(RegionCode region, DeadlinePolicy policy, String note, String author, Instant at) {
        PolicyEntity p = policies.findById(region.value());
        if (p == null) {
            p = new PolicyEntity();
            p.regionCode = region.value();
        }
        p.assignDays = policy.assignDays();
        p.handleComplaintDays = policy.handleComplaintDays();
        p.handleEnquiryDays = policy.handleEnquiryDays();
        p.urgentHandleDays = policy.urgentHandleDays();
        p.replyDays = policy.replyDays();
        p.visitDays = policy.visitDays();
        p.note = note;
        p.updatedAt = at;
        p.updatedBy = author;
        policies.persist(p);
        return policy;
    }
}
