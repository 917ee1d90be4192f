package cn.lianluo.scoring.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.service.Ledger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
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
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final EventHandlers handlers;

    public FactEvents(Inbox inbox, Ledger ledger, EntityManager em, ObjectMapper mapper) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.em = em;
        this.mapper = mapper;
        // a known event without a handler here carries no fact for points
        this.handlers = EventHandlers.none()
                // one entry per deputy, station and day, however many receptions name the deputy there (Ledger)
                .on(e -> record(e, receptionFacts(e.data())), "lianluo.station.reception-held.v1")
                .on(e -> record(e, activityFacts(e.data())), "lianluo.station.activity-held.v1")
                .on(e -> deputyCopy(e.data(), e.time()), "lianluo.deputy.registered.v1", "lianluo.deputy.updated.v1")
                .on(e -> deputyActive(e.data(), e.time()),
                        "lianluo.deputy.mandate-ended.v1", "lianluo.deputy.mandate-added.v1")
                .on(e -> record(e, receivingDeputy(e.data(), FactType.CASE_RECEIVED)), "lianluo.case.received.v1")
                .on(e -> record(e, receivingDeputy(e.data(), FactType.CASE_ANSWERED_ON_THE_SPOT)),
                        "lianluo.case.answered.v1")
                .on(e -> record(e, visitFacts(e.data())), "lianluo.case.visited.v1")
                .on(e -> record(e, fact(e.data(), "leadDeputyId", FactType.SUGGESTION_MADE)),
                        "lianluo.case.suggestion-submitted.v1")
                // 联名 needs consent: a co-signer is credited when they confirm, not when named on submission
                .on(e -> record(e, fact(e.data(), "deputyId", FactType.SUGGESTION_JOINED)),
                        "lianluo.case.suggestion-co-signed.v1")
                .on(e -> record(e, fact(e.data(), "leadDeputyId", FactType.KEY_SUGGESTION)),
                        "lianluo.case.suggestion-marked-key.v1")
                .on(e -> record(e, fact(e.data(), "deputyId", FactType.VOTE_CAST)), "lianluo.case.project-vote-cast.v1")
                .on(e -> record(e, fact(e.data(), "deputyId", FactType.PROJECT_SUPERVISION)),
                        "lianluo.case.project-supervised.v1");
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

    /**
     * Records the event's facts in the order of the ledger's per-deputy locks (their keys are the ids' hash codes), so
     * two events never wait for each other's deputies.
     */
    private void record(IncomingEvent event, List<Pending> facts) {
        facts.stream().sorted(java.util.Comparator.comparing(Pending::deputy, Ledger.LOCK_ORDER))
                .forEach(f -> ledger.recordFact(event.id(), event.type(), f.deputy(), f.type(), f.on(), f.region(),
                        f.station()));
    }

    private static List<Pending> receptionFacts(JsonNode data) {
        List<Pending> facts = new ArrayList<>();
        each(data.path("deputyIds"), d -> facts.add(new Pending(UUID.fromString(d), FactType.STATION_ENTRY,
                LocalDate.parse(data.path("date").asText()), data.path("regionCode").asText(),
                UUID.fromString(data.path("stationId").asText()))));
        return facts;
    }

    private static List<Pending> activityFacts(JsonNode data) {
        FactType kind = FactType.valueOf("ACTIVITY_" + data.path("kind").asText());
        List<Pending> facts = new ArrayList<>();
        each(data.path("participantDeputyIds"), d -> facts.add(new Pending(UUID.fromString(d), kind,
                LocalDate.parse(data.path("date").asText()), data.path("regionCode").asText())));
        return facts;
    }

    private static List<Pending> visitFacts(JsonNode data) {
        String satisfaction = data.path("satisfaction").asText();
        // the satisfaction that scores a deputy is the citizen's rating or staff's 回访, never the deputy's own —
        // and a "citizen's" rating of a case the deputy typed in themself may be the deputy's (the phone on
        // record came from them): only staff's 回访 scores such a case
        String rater = data.path("actorRole").asText();
        boolean selfTaken = "DEPUTY".equals(data.path("intakeRole").asText(null));
        boolean independent = java.util.Set.of("ADMIN", "SUPERVISOR", "STATION_STAFF").contains(rater)
                || ("CITIZEN".equals(rater) && !selfTaken);
        if ("CLOSED".equals(data.path("status").asText()) && independent
                && ("SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction))) {
            return receivingDeputy(data, FactType.CASE_CLOSED_SATISFIED);
        }
        return List.of();
    }

    /** A fact of the event, recorded once all are known; {@code station} where it happened at one (a reception). */
    private record Pending(UUID deputy, FactType type, LocalDate on, String region, UUID station) {

        Pending(UUID deputy, FactType type, LocalDate on, String region) {
            this(deputy, type, on, region, null);
        }
    }

    /** The fact of the deputy who received the case, if one did. */
    private static List<Pending> receivingDeputy(JsonNode data, FactType fact) {
        String deputy = data.path("receivingDeputyId").asText(null);
        if (deputy != null && !deputy.isBlank() && !"null".equals(deputy)) {
            return List.of(new Pending(UUID.fromString(deputy), fact, day(data.path("at").asText()),
                    data.path("regionCode").asText()));
        }
        return List.of();
    }

    /** The one fact of the deputy named by {@code field}, on the day of the event's {@code at}. */
    private static List<Pending> fact(JsonNode data, String field, FactType fact) {
        return List.of(new Pending(UUID.fromString(data.path(field).asText()), fact, day(data.path("at").asText()),
                data.path("regionCode").asText()));
    }

    private void deputyActive(JsonNode data, Instant time) {
        em.createNativeQuery(
                        "UPDATE deputy_copy SET active = ?2, updated_at = ?3 WHERE deputy_id = ?1 AND updated_at <= ?3")
                .setParameter(1, UUID.fromString(data.path("deputyId").asText()))
                .setParameter(2, data.path("deputyActive").asBoolean()).setParameter(3, time).executeUpdate();
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
        em.createNativeQuery("INSERT INTO deputy_copy (deputy_id, name, region_code, levels, active, updated_at) "
                        + "VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6) ON CONFLICT (deputy_id) DO UPDATE SET name = excluded.name, "
                        + "region_code = excluded.region_code, levels = excluded.levels, active = excluded.active, "
                        + "updated_at = excluded.updated_at WHERE deputy_copy.updated_at <= excluded.updated_at")
                .setParameter(1, UUID.fromString(data.path("deputyId").asText())).setParameter(2, data.path("name").asText())
                .setParameter(3, data.path("regionCode").asText()).setParameter(4, json)
                .setParameter(5, data.path("active").asBoolean(true)).setParameter(6, time).executeUpdate();
    }

    private static void each(JsonNode ids, java.util.function.Consumer<String> action) {
        ids.forEach(n -> action.accept(n.asText()));
    }

    private static LocalDate day(String instant) {
        return Instant.parse(instant).atZone(Ledger.CHINA).toLocalDate();
    }
}
