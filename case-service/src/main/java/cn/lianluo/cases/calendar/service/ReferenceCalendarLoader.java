package cn.lianluo.cases.calendar.service;

import cn.lianluo.common.data.CalendarTables;
import io.quarkus.cache.CacheManager;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Loads the official arrangements shipped in the jar at every start (a year already arranged is left alone). */
@ApplicationScoped
public class ReferenceCalendarLoader {

    private final CalendarTables tables;
    private final CacheManager caches;

    public ReferenceCalendarLoader(CalendarTables tables, CacheManager caches) {
        this.tables = tables;
        this.caches = caches;
    }

    void onStart(@Observes StartupEvent event) {
        if (!tables.loadReferenceAtStart().isEmpty()) {
            // written around CalendarService: a calendar a request read meanwhile goes
            caches.getCache("working-calendar").ifPresent(c -> c.invalidateAll().await().indefinitely());
        }
    }
}
