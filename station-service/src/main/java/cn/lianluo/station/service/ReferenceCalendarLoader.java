package cn.lianluo.station.service;

import cn.lianluo.common.data.CalendarTables;
import io.quarkus.runtime.StartupEvent;
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
}
