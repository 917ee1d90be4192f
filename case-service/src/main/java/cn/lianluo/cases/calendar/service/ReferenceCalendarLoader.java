package cn.lianluo.cases.calendar.service;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.data.CalendarTables;
import io.quarkus.cache.CacheManager;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Loads the official arrangements shipped in the jar at every start (a year already arranged is left alone); the open
 * deadlines counted on a newly arranged year's computed days are counted again.
 */
@ApplicationScoped
public class ReferenceCalendarLoader {

    private final CalendarTables tables;
    private final CacheManager caches;
    private final CalendarService calendars;
    private final CaseClock clock;

    public ReferenceCalendarLoader(CalendarTables tables, CacheManager caches, CalendarService calendars, CaseClock clock) {
        this.tables = tables;
        this.caches = caches;
        this.calendars = calendars;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        // the deadlines are counted again in the transaction that loads the days: a start that fails between the two
        // cannot leave them on the computed days (the next start would find the year arranged and load nothing)
        List<Integer> years = tables.loadReferenceAtStart(loaded -> calendars.arrivedFromReference(loaded, clock.now()));
        if (!years.isEmpty()) {
            // written around CalendarService: a calendar a request read meanwhile goes
            caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
        }
    }

    /** Keeps lianluo_calendar_next_year_loaded up with the arrangements another replica loaded. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshArrangedYears() {
        tables.refreshArrangedYears();
    }
}
