package cn.lianluo.station.service;

import cn.lianluo.common.data.CalendarTables;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the official arrangements shipped in the jar at every start, with or without demo seeds (a year already
 * arranged, here or by case-service's event, is left alone), so reception days skip the holidays from the first start.
 */
@ApplicationScoped
public class ReferenceCalendarLoader {

    private final CalendarTables tables;

    public ReferenceCalendarLoader(CalendarTables tables) {
        this.tables = tables;
    }

    void onStart(@Observes StartupEvent event) {
        tables.loadReferenceAtStart();
    }

    /** Keeps lianluo_calendar_next_year_loaded up with the arrangements case-service's events brought to another replica. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshArrangedYears() {
        tables.refreshArrangedYears();
    }
}
