package cn.lianluo.cases.messaging;

import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.outbox.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps case-service's copy of deputies (id, name, region, active) from {@code deputy.events}, idempotently; an
 * unreadable event goes to the dead-letter topic.
 */
@ApplicationScoped
public class DeputyEventsConsumer {

    static final String CONSUMER = "case-service/deputy-copy";

    private final ProcessedEvents processed;
    private final UnitRepositories.Deputies deputies;
    private final ObjectMapper mapper;

    public DeputyEventsConsumer(ProcessedEvents processed, UnitRepositories.Deputies deputies, ObjectMapper mapper) {
        this.processed = processed;
        this.deputies = deputies;
        this.mapper = mapper;
    }

    @Incoming("deputy-events")
    @Blocking
    @Transactional
    public void consume(String envelope) {
        IncomingEvent event = IncomingEvent.parse(mapper, envelope);
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        JsonNode data = event.data();
        Instant time = event.time();
        switch (event.type()) {
            case "lianluo.deputy.registered.v1", "lianluo.deputy.updated.v1" -> {
                UUID deputyId = UUID.fromString(data.path("deputyId").asText());
                DeputyCopyEntity deputy = deputies.findById(deputyId);
                if (deputy != null && deputy.updatedAt.isAfter(time)) {
                    return; // an older event than the one already applied
                }
                boolean fresh = deputy == null;
                if (fresh) {
                    deputy = new DeputyCopyEntity();
                    deputy.deputyId = deputyId;
                }
                deputy.name = data.path("name").asText();
                deputy.regionCode = data.path("regionCode").asText();
                deputy.active = data.path("active").asBoolean();
                deputy.levels = new java.util.ArrayList<>();
                for (JsonNode m : data.path("mandates")) {
                    if ("ACTIVE".equals(m.path("status").asText()) && !deputy.levels.contains(m.path("level").asText())) {
                        deputy.levels.add(m.path("level").asText());
                    }
                }
                deputy.updatedAt = time;
                if (fresh) {
                    deputies.persist(deputy);
                }
            }
            case "lianluo.deputy.mandate-ended.v1", "lianluo.deputy.mandate-added.v1" -> {
                DeputyCopyEntity deputy = deputies.findById(UUID.fromString(data.path("deputyId").asText()));
                if (deputy != null && !deputy.updatedAt.isAfter(time)) {
                    deputy.active = data.path("deputyActive").asBoolean();
                    String level = data.path("mandate").path("level").asText();
                    java.util.List<String> levels = new java.util.ArrayList<>(deputy.levels);
                    levels.remove(level);
                    if ("ACTIVE".equals(data.path("mandate").path("status").asText())) {
                        levels.add(level);
                    }
                    deputy.levels = levels;
                    deputy.updatedAt = time;
                }
            }
            default -> {
                // other deputy events do not change what case-service keeps
            }
        }
    }
}
