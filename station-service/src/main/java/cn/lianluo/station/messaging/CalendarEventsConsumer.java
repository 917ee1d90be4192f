package cn.lianluo.station.messaging;

import cn.lianluo.common.calendar.Arrangement;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.data.CalendarTables;
import cn.lianluo.common.data.TransientFailures;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.outbox.ProcessedEvents;
import cn.lianluo.common.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    /** An event is applied up to this many times when the database refuses it for a moment (then it goes to the DLQ). */
    static final int ATTEMPTS = 3;

    private final ProcessedEvents processed;
    private final CalendarTables tables;
    private final ObjectMapper mapper;

    public CalendarEventsConsumer(ProcessedEvents processed, CalendarTables tables, ObjectMapper mapper) {
        this.processed = processed;
        this.tables = tables;
        this.mapper = mapper;
    }

    @Incoming("case-events")
    @Blocking
    public void consume(String envelope) {
        IncomingEvent event = IncomingEvent.parse(mapper, envelope);
        if (!event.type().startsWith(PREFIX)) {
            return; // a case, suggestion, project or moderation event: not the calendar's
        }
        TransientFailures.inNewTransaction(ATTEMPTS, () -> apply(event));
    }

    void apply(IncomingEvent event) {
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        JsonNode data = event.data();
        switch (event.type()) {
            case "lianluo.case.calendar-arranged.v1" -> {
                List<CalendarDay> days = new ArrayList<>();
                data.path("days").forEach(d -> days.add(day(d)));
                Arrangement arrangement = arrangement(data.path("year").asInt(), days);
                tables.arrange(arrangement.year(), arrangement.days(), "case-service", event.time());
            }
            case "lianluo.case.calendar-day-set.v1" -> tables.setDay(day(data));
            case "lianluo.case.calendar-day-removed.v1" -> tables.removeDay(date(data));
            default -> {
                // a later calendar event this version does not know changes nothing here
            }
        }
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
