package cn.lianluo.cases.calendar.service;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.data.CalendarTables;
import io.quarkus.cache.CacheManager;
import io.quarkus.runtime.StartupEvent;
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
        List<Integer> years = tables.loadReferenceAtStart();
        if (!years.isEmpty()) {
            // written around CalendarService: a calendar a request read meanwhile goes
            caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
            calendars.arrivedFromReference(years, clock.now());
        }
    }
}
