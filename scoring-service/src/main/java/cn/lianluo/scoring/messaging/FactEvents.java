package cn.lianluo.scoring.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.scoring.persistence.DeputyCopyRepository;
import cn.lianluo.scoring.persistence.DeputyCopyRepository.DeputyCopy;
import cn.lianluo.scoring.service.FactsFromEvent;
import cn.lianluo.scoring.service.Ledger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the platform's events into facts (履职事实), exactly once: the event id is claimed in the transaction that
 * records its facts. An event of an unknown type or version, or one that cannot be read, goes to the channel's
 * dead-letter topic with the reason, and the partition keeps flowing.
 * <p>
 * Case events, the many, are handled a few at a time ({@code smallrye.messaging.worker.case-facts.max-concurrency}),
 * not one after the other: their facts do not depend on each other's order, and the ledger serialises the facts of
 * one deputy (caps). An event's facts are recorded in the order of their deputies' locks, so two events naming the
 * same deputies cannot wait for each other. Should the database still fail an event's transaction for a deadlock (with a
 * rule publication's recompute, say) or a serialisation failure, the event is applied again in a new transaction.
 */
@ApplicationScoped
public class FactEvents {

    private static final Pattern KNOWN = Pattern.compile("^lianluo\\.(station|deputy|case)\\.[a-z-]+\\.v1$");

    private final Inbox inbox;
    private final Ledger ledger;
    private final DeputyCopyRepository deputies;
    private final ObjectMapper mapper;
    private final EventHandlers handlers;

    public FactEvents(Inbox inbox, Ledger ledger, DeputyCopyRepository deputies, ObjectMapper mapper) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.deputies = deputies;
        this.mapper = mapper;
        // a known event without a handler here carries no fact for points
        List<String> factTypes = FactsFromEvent.TYPES;
        this.handlers = EventHandlers.none()
                .on(e -> ledger.recordFacts(e.id(), e.type(), FactsFromEvent.of(e.type(), e.data())),
                        factTypes.get(0), factTypes.subList(1, factTypes.size()).toArray(String[]::new))
                .on(e -> deputyCopy(e.data(), e.time()), "lianluo.deputy.registered.v1", "lianluo.deputy.updated.v1")
                .on(e -> deputies.setActive(UUID.fromString(e.data().path("deputyId").asText()),
                                e.data().path("deputyActive").asBoolean(), e.time()),
                        "lianluo.deputy.mandate-ended.v1", "lianluo.deputy.mandate-added.v1");
    }

    @Incoming("station-events")
    @Blocking
    public void station(String envelope) {
        deliver(envelope, "station");
    }

    @Incoming("deputy-events")
    @Blocking
    public void deputy(String envelope) {
        deliver(envelope, "deputy");
    }

    @Incoming("case-events")
    @Blocking(value = "case-facts", ordered = false)
    public void cases(String envelope) {
        deliver(envelope, "case");
    }

    private void deliver(String envelope, String topic) {
        IncomingEvent event = inbox.read(envelope);
        String type = event.type();
        if (!KNOWN.matcher(type).matches() || !type.startsWith("lianluo." + topic + ".")) {
            throw new IncomingEvent.Unreadable("unknown event type or version '" + type + "' on " + topic + " events");
        }
        inbox.deliverInNewTransaction("scoring-service/" + topic, event, handlers);
    }

    private void deputyCopy(JsonNode data, Instant time) {
        List<String> levels = new ArrayList<>();
        for (JsonNode m : data.path("mandates")) {
            if ("ACTIVE".equals(m.path("status").asText()) && !levels.contains(m.path("level").asText())) {
                levels.add(m.path("level").asText());
            }
        }
        String json;
        try {
            json = mapper.writeValueAsString(levels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deputies.upsert(new DeputyCopy(UUID.fromString(data.path("deputyId").asText()), data.path("name").asText(),
                data.path("regionCode").asText(), json, data.path("active").asBoolean(true), time));
    }
}
