package cn.lianluo.scoring.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.CaseEvents.CaseData;
import cn.lianluo.common.events.contract.CaseEvents.DraftData;
import cn.lianluo.common.events.contract.CaseEvents.ProjectData;
import cn.lianluo.common.events.contract.CaseEvents.SuggestionData;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.DeputyEvents.DeputyData;
import cn.lianluo.common.events.contract.DeputyEvents.MandateChanged;
import cn.lianluo.common.events.contract.DeputyEvents.MandateData;
import cn.lianluo.common.events.contract.EventContract;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.events.contract.StationEvents.ActivityHeld;
import cn.lianluo.common.events.contract.StationEvents.ReceptionHeld;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.scoring.persistence.DeputyCopyRepository;
import cn.lianluo.scoring.persistence.DeputyCopyRepository.DeputyCopy;
import cn.lianluo.scoring.service.FactsFromEvent;
import cn.lianluo.scoring.service.Ledger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the platform's events into facts (履职事实), exactly once: the event id is claimed in the transaction that
 * records its facts. An event of an unknown type or version, or one that cannot be read, goes to the channel's
 * dead-letter topic with the reason, and the partition keeps flowing.
 * <p>
 * Case events, the many, are handled a few at a time ({@code smallrye.messaging.worker.case-facts.max-concurrency}),
 * not one after the other: their facts do not depend on each other's order, and the ledger serialises the facts of
 * one deputy (caps), and a case's facts with its merge (whichever commits first, the other sees it). An event's facts
 * are recorded in the order of their deputies' locks, after its case's, so two events naming the same deputies cannot
 * wait for each other. Should the database still fail an event's transaction for a deadlock (with a
 * rule publication's recompute, say) or a serialisation failure, the event is applied again in a new transaction.
 */
@ApplicationScoped
public class FactEvents {

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
        this.handlers = EventHandlers.of(StationEvents.CONTRACT, DeputyEvents.CONTRACT, CaseEvents.CONTRACT)
                .on(ReceptionHeld.class, this::facts, FactsFromEvent.RECEPTION_HELD)
                .on(ActivityHeld.class, this::facts, FactsFromEvent.ACTIVITY_HELD)
                .on(CaseData.class, this::facts, FactsFromEvent.CASE_RECEIVED, FactsFromEvent.CASE_ANSWERED,
                        FactsFromEvent.CASE_VISITED)
                .on(CaseData.class, (e, data) -> ledger.withdrawMergedCase(data.caseId(), data.mergedInto(), e.time()),
                        FactsFromEvent.CASE_MERGED)
                .on(CaseData.class, (e, data) -> ledger.restoreUnlinkedCase(data.caseId()), FactsFromEvent.CASE_UNLINKED)
                .on(SuggestionData.class, this::facts, FactsFromEvent.SUGGESTION_SUBMITTED,
                        FactsFromEvent.SUGGESTION_CO_SIGNED, FactsFromEvent.SUGGESTION_MARKED_KEY)
                .on(ProjectData.class, this::facts, FactsFromEvent.PROJECT_VOTE_CAST, FactsFromEvent.PROJECT_SUPERVISED)
                .on(DraftData.class, this::facts, FactsFromEvent.DRAFT_COMMENTED)
                .on(DeputyData.class, this::deputyCopy, DeputyEvents.REGISTERED, DeputyEvents.UPDATED)
                .on(MandateChanged.class, (e, data) -> deputies.setActive(data.deputyId(), data.deputyActive(), e.time()),
                        DeputyEvents.MANDATE_ENDED, DeputyEvents.MANDATE_ADDED);
    }

    @Incoming("station-events")
    @Blocking
    public void station(String envelope) {
        deliver(envelope, StationEvents.CONTRACT);
    }

    @Incoming("deputy-events")
    @Blocking
    public void deputy(String envelope) {
        deliver(envelope, DeputyEvents.CONTRACT);
    }

    @Incoming("case-events")
    @Blocking(value = "case-facts", ordered = false)
    public void cases(String envelope) {
        deliver(envelope, CaseEvents.CONTRACT);
    }

    private void deliver(String envelope, EventContract topic) {
        IncomingEvent event = inbox.read(envelope);
        if (!topic.knows(event.type())) {
            throw new IncomingEvent.Unreadable("unknown event type or version '" + event.type() + "' on " + topic);
        }
        inbox.deliverInNewTransaction("scoring-service/" + topic.topic().replace(".events", ""), event, handlers);
    }

    private void facts(IncomingEvent event, Record data) {
        ledger.recordFacts(event.id(), event.type(), FactsFromEvent.of(event.type(), data));
    }

    private void deputyCopy(IncomingEvent event, DeputyData data) {
        List<String> levels = new ArrayList<>();
        for (MandateData m : data.mandates() == null ? List.<MandateData>of() : data.mandates()) {
            if ("ACTIVE".equals(m.status()) && !levels.contains(m.level())) {
                levels.add(m.level());
            }
        }
        String json;
        try {
            json = mapper.writeValueAsString(levels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deputies.upsert(new DeputyCopy(data.deputyId(), data.name(), data.regionCode(), json, data.active(), event.time()));
    }
}
