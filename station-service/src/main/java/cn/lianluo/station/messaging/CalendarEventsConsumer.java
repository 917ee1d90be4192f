package cn.lianluo.station.messaging;

import cn.lianluo.common.calendar.Arrangement;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.CaseEvents.CalendarArranged;
import cn.lianluo.common.events.contract.CaseEvents.CalendarDayChanged;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.common.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps station-service's copy of the province's working-day calendar from case-service's calendar events on
 * {@code case.events}, so reception days follow an arrangement an ADMIN loads. The other case events are passed over
 * without a trace. Idempotent: the event id is claimed in the transaction of the change; the events share one key, so
 * they arrive in the order case-service made them. An unreadable event, or one of a type case.events does not carry,
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class CalendarEventsConsumer {

    static final String CONSUMER = "station-service/calendar";

    private final Inbox inbox;
    private final CalendarTables tables;
    private final EventHandlers handlers;

    public CalendarEventsConsumer(Inbox inbox, CalendarTables tables) {
        this.inbox = inbox;
        this.tables = tables;
        // a case event of a type case.events does not carry goes to the dead-letter topic
        this.handlers = EventHandlers.of(CaseEvents.CONTRACT)
                .on(CalendarArranged.class, this::arranged, CaseEvents.CALENDAR_ARRANGED)
                .on(CalendarDayChanged.class, (event, d) -> tables.setDay(day(d.date(), d.working(), d.name())),
                        CaseEvents.CALENDAR_DAY_SET)
                .on(CalendarDayChanged.class, (event, d) -> tables.removeDay(date(d.date())),
                        CaseEvents.CALENDAR_DAY_REMOVED);
    }

    @Incoming("case-events")
    @Blocking
    public void consume(String envelope) {
        IncomingEvent event = inbox.read(envelope);
        handlers.requireKnown(event);
        if (!event.type().startsWith(CaseEvents.CALENDAR_PREFIX)) {
            return; // a case, suggestion, project or moderation event: not the calendar's
        }
        inbox.deliverInNewTransaction(CONSUMER, event, handlers);
    }

    private void arranged(IncomingEvent event, CalendarArranged data) {
        List<CalendarDay> days = new ArrayList<>();
        if (data.days() != null) {
            data.days().forEach(d -> days.add(day(d.date(), d.working(), d.name())));
        }
        Arrangement arrangement = arrangement(data.year(), days);
        tables.arrange(arrangement.year(), arrangement.days(), "case-service", event.time());
    }

    private static Arrangement arrangement(int year, List<CalendarDay> days) {
        try {
            return new Arrangement(year, days);
        } catch (ProblemException e) {
            throw new IncomingEvent.Unreadable("an arrangement case-service should have refused: " + e.getMessage());
        }
    }

    private static CalendarDay day(LocalDate date, Boolean working, String name) {
        if (working == null || name == null || name.isBlank()) {
            throw new IncomingEvent.Unreadable("a calendar day without working or name: " + date);
        }
        return new CalendarDay(date(date), working, name);
    }

    private static LocalDate date(LocalDate date) {
        if (date == null) {
            throw new IncomingEvent.Unreadable("a calendar event without a readable date");
        }
        return date;
    }
}
