package cn.lianluo.cases.calendar.service;

import cn.lianluo.cases.calendar.persistence.CalendarDayEntity;
import cn.lianluo.cases.calendar.persistence.CalendarRepositories;
import cn.lianluo.cases.calendar.persistence.PolicyEntity;
import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.cases.cases.service.CaseCalendar;
import cn.lianluo.cases.cases.service.DeadlineRecount;
import cn.lianluo.common.calendar.Arrangement;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The working-day calendar (data, editable by ADMIN; a year with no official arrangement computed, provisional) and
 * the deadline policies per region. Every change of the calendar is an event, in its transaction. The case loop reads
 * both through its {@link CaseCalendar}.
 */
@ApplicationScoped
public class CalendarService implements CaseCalendar {

    static final int RECOUNTED_PER_EVENT = 1000;

    private final CalendarRepositories.Days days;
    private final CalendarRepositories.Policies policies;
    private final CalendarTables tables;
    private final Outbox outbox;
    private final DeadlineRecount recount;

    public CalendarService(CalendarRepositories.Days days, CalendarRepositories.Policies policies, CalendarTables tables,
                           Outbox outbox, DeadlineRecount recount) {
        this.recount = recount;
        this.days = days;
        this.policies = policies;
        this.tables = tables;
        this.outbox = outbox;
    }

    /**
     * The calendar, read once and kept until a day is changed here, or for a short while (another replica may have
     * changed it: {@code quarkus.cache.caffeine."working-calendar".expire-after-write}).
     */
    @Override
    @CacheResult(cacheName = "working-calendar")
    @Transactional
    public WorkingCalendar calendar() {
        return tables.calendar();
    }

    /** The days of a year that differ from the weekday rule: the arrangement's, else the computed ones (provisional). */
    @Transactional
    public List<CalendarDay> year(int year) {
        return tables.calendar().year(year);
    }

    /** The State Council's arrangement of a year replaces whatever the year held. */
    @CacheInvalidateAll(cacheName = "working-calendar")
    @Transactional
    public List<CalendarDay> arrange(Arrangement arrangement, String by, Instant at) {
        tables.arrange(arrangement.year(), arrangement.days(), by, at);
        outbox.add(CaseEvents.CALENDAR_ARRANGED, CaseEvents.CALENDAR_SUBJECT, RegionCode.HUNAN,
                new CaseEvents.CalendarArranged(arrangement.year(), arrangement.days().stream()
                        .map(d -> new CaseEvents.CalendarDay(d.date(), d.working(), d.name())).toList(), at));
        recountDeadlines(arrangement.year(), at);
        return arrangement.days();
    }

    /** The arrangements of {@code years} were loaded from the files shipped in the jar: their deadlines are counted again. */
    @Transactional
    public void arrivedFromReference(List<Integer> years, Instant at) {
        years.forEach(year -> recountDeadlines(year, at));
    }

    /**
     * The open deadlines running into {@code year}, counted on its computed days, are counted again on its arrangement;
     * those that moved are announced (a large recount in several events, {@value #RECOUNTED_PER_EVENT} at most each).
     */
    private void recountDeadlines(int year, Instant at) {
        List<CaseEvents.RecomputedDeadline> moved = recount.recount(year, tables.calendar());
        for (int from = 0; from < moved.size(); from += RECOUNTED_PER_EVENT) {
            List<CaseEvents.RecomputedDeadline> part = moved.subList(from, Math.min(moved.size(), from + RECOUNTED_PER_EVENT));
            outbox.add(CaseEvents.CALENDAR_DEADLINES_RECOMPUTED, CaseEvents.CALENDAR_SUBJECT, RegionCode.HUNAN,
                    new CaseEvents.DeadlinesRecomputed(year, part.size(), List.copyOf(part), at));
        }
    }

    /** Sets a day that differs from the weekday rule (a day off, or a make-up working day). */
    @CacheInvalidateAll(cacheName = "working-calendar")
    @Transactional
    public CalendarDay setDay(LocalDate date, boolean working, String name, Instant at) {
        CalendarDayEntity day = days.findById(date);
        if (day == null) {
            day = new CalendarDayEntity();
            day.day = date;
        }
        day.working = working;
        day.name = name.strip();
        days.persist(day);
        outbox.add(CaseEvents.CALENDAR_DAY_SET, CaseEvents.CALENDAR_SUBJECT, RegionCode.HUNAN,
                new CaseEvents.CalendarDayChanged(day.day, day.working, day.name, at));
        return new CalendarDay(day.day, day.working, day.name);
    }

    /** The day follows the weekday rule again. */
    @CacheInvalidateAll(cacheName = "working-calendar")
    @Transactional
    public void removeDay(LocalDate date, Instant at) {
        if (!days.deleteById(date)) {
            throw ProblemException.notFound("calendar day", date);
        }
        outbox.add(CaseEvents.CALENDAR_DAY_REMOVED, CaseEvents.CALENDAR_SUBJECT, RegionCode.HUNAN,
                new CaseEvents.CalendarDayChanged(date, null, null, at));
    }

    /** The policy of the most specific region prefix that has one, else the built-in default. */
    @Override
    public DeadlinePolicy policyFor(RegionCode region) {
        Map<String, DeadlinePolicy> all = policies();
        for (Optional<RegionCode> r = Optional.of(region); r.isPresent(); r = r.get().parent()) {
            DeadlinePolicy p = all.get(r.get().value());
            if (p != null) {
                return p;
            }
        }
        return DeadlinePolicy.DEFAULT;
    }

    /** Every region's policy by region code (a row per region that set one), kept as the calendar is. */
    @CacheResult(cacheName = "deadline-policies")
    @Transactional
    public Map<String, DeadlinePolicy> policies() {
        return policies.listAll().stream().collect(Collectors.toUnmodifiableMap(p -> p.regionCode,
                p -> new DeadlinePolicy(p.assignDays, p.handleComplaintDays, p.handleEnquiryDays, p.urgentHandleDays,
                        p.replyDays, p.visitDays)));
    }

    @CacheInvalidateAll(cacheName = "deadline-policies")
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
