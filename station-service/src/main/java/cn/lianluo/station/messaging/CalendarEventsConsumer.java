package cn.lianluo.station.messaging;

import cn.lianluo.common.calendar.Arrangement;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.common.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps station-service's copy of the province's working-day calendar from case-service's calendar events on
 * {@code case.events}, so reception days follow an arrangement an ADMIN loads. The other case events are passed over
 * without a trace. Idempotent: the event id is claimed in the transaction of the change; the events share one key, so
 * they arrive in the order case-service made them. An unreadable event goes to the dead-letter topic.
 */
@ApplicationScoped
public class CalendarEventsConsumer {

    static final String CONSUMER = "station-service/calendar";
    static final String PREFIX = "lianluo.case.calendar-";

    private final Inbox inbox;
    private final CalendarTables tables;
    private final EventHandlers handlers;

    public CalendarEventsConsumer(Inbox inbox, CalendarTables tables) {
        this.inbox = inbox;
        this.tables = tables;
        // a later calendar event this version does not know is claimed and changes nothing here
        this.handlers = EventHandlers.none()
                .on(this::arranged, "lianluo.case.calendar-arranged.v1")
                .on(event -> tables.setDay(day(event.data())), "lianluo.case.calendar-day-set.v1")
                .on(event -> tables.removeDay(date(event.data())), "lianluo.case.calendar-day-removed.v1");
    }

    @Incoming("case-events")
    @Blocking
    public void consume(String envelope) {
        IncomingEvent event = inbox.read(envelope);
        if (!event.type().startsWith(PREFIX)) {
            return; // a case, suggestion, project or moderation event: not the calendar's
        }
        inbox.deliverInNewTransaction(CONSUMER, event, handlers);
    }

    private void arranged(IncomingEvent event) {
        List<CalendarDay> days = new ArrayList<>();
        event.data().path("days").forEach(d -> days.add(day(d)));
        Arrangement arrangement = arrangement(event.data().path("year").asInt(), days);
        tables.arrange(arrangement.year(), arrangement.days(), "case-service", event.time());
    }

    private static Arrangement arrangement(int year, List<CalendarDay> days) {
        try {
            return new Arrangement(year, days);
        } catch (ProblemException e) {
            throw new IncomingEvent.Unreadable("an arrangement case-service should have refused: " + e.getMessage());
        }
    }

    private static CalendarDay day(JsonNode d) {
        String name = d.path("name").asText("");
        if (!d.path("working").isBoolean() || name.isBlank()) {
            throw new IncomingEvent.Unreadable("a calendar day without working or name: " + d);
        }
        return new CalendarDay(date(d), d.path("working").asBoolean(), name);
    }

    private static LocalDate date(JsonNode d) {
        try {
            return LocalDate.parse(d.path("date").asText());
        } catch (DateTimeParseException e) {
            throw new IncomingEvent.Unreadable("a calendar event without a readable date: " + d);
        }
    }
}
