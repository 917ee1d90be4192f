package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.ArrangementMissing;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.region.RegionCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The calendar's alerts: a year whose official arrangement is missing while deadlines run into it (next year's from
 * 1 November, China time, on {@link CaseClock}). Announced as {@code lianluo.case.calendar-arrangement-missing.v1}
 * at most once a day per year (the event's id is made of the year and the day, and the outbox writes an id once, so
 * replicas and restarts do not repeat it), shown in the readiness detail (a warning: readiness stays UP) and on the
 * dashboard's case figures.
 */
@ApplicationScoped
public class CalendarAlerts {

    private static final Logger LOG = Logger.getLogger(CalendarAlerts.class);

    @Schema(name = "CalendarAlert", description = "日历提醒: a year whose official holiday arrangement is missing")
    public record CalendarAlert(@Schema(description = "ARRANGEMENT_MISSING") String kind,
                                @Schema(description = "the year without an arrangement") int year,
                                @Schema(description = "1 November of the year before: missing since") LocalDate since,
                                @Schema(description = "the alert for a person to read (Chinese)") String message) {
    }

    public static final String ARRANGEMENT_MISSING = "ARRANGEMENT_MISSING";

    private final CaseCalendar calendars;
    private final CaseClock clock;
    private final Outbox outbox;

    public CalendarAlerts(CaseCalendar calendars, CaseClock clock, Outbox outbox) {
        this.calendars = calendars;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Today's alerts (none most of the year). */
    public List<CalendarAlert> current() {
        return missing(clock.today()).stream()
                .map(m -> new CalendarAlert(ARRANGEMENT_MISSING, m.year(), m.since(), m.message())).toList();
    }

    private List<ArrangementMissing> missing(LocalDate today) {
        return ArrangementMissing.on(today, calendars.calendar());
    }

    @Scheduled(every = "${lianluo.calendar.alert-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            announce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "the calendar alert failed; it is tried again on the next tick");
        }
    }

    /** Writes today's alert events not yet written today; returns how many it wrote. */
    public int announce() {
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<ArrangementMissing> missing = missing(today);
        if (missing.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int written = 0;
            for (ArrangementMissing m : missing) {
                UUID id = UUID.nameUUIDFromBytes((CaseEvents.CALENDAR_ARRANGEMENT_MISSING + ":" + m.year() + ":" + today)
                        .getBytes(StandardCharsets.UTF_8));
                if (outbox.addOnce(id, CaseEvents.CALENDAR_ARRANGEMENT_MISSING, CaseEvents.CALENDAR_SUBJECT, RegionCode.HUNAN,
                        new CaseEvents.CalendarArrangementMissing(m.year(), m.since(), today, now)).isPresent()) {
                    LOG.warnf("the official holiday arrangement of %d is not loaded; its days off are provisional", m.year());
                    written++;
                }
            }
            return written;
        });
    }
}
