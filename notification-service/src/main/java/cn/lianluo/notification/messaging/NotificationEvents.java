package cn.lianluo.notification.messaging;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.EventContract;
import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.inbox.Inbox;
import cn.lianluo.notification.service.Notifier;
import cn.lianluo.notification.service.WebhookIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes in the events of case-service, deputy-service, scoring-service and station-service (代表有约) with the shared idempotent-consumer
 * harness: the event id is claimed in the transaction that writes the messages the rules decide on, so a redelivered
 * event, a restart or a second replica writes none twice. An event that cannot be read goes to the channel's
 * dead-letter topic and the partition keeps flowing.
 */
@ApplicationScoped
public class NotificationEvents {

    /** The consumer's name in the processed-events log. */
    static final String CONSUMER = "notification-rules";

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final WebhookIntake webhooks;

    public NotificationEvents(Inbox inbox, Notifier notifier, WebhookIntake webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
        // a known event without a handler here tells nobody anything; the rule table's types have one
        this.handlers = notifier.register(EventHandlers.of(CaseEvents.CONTRACT, DeputyEvents.CONTRACT, ScoringEvents.CONTRACT,
                StationEvents.CONTRACT));
    }

    @Incoming("case-events")
    @Blocking
    public void cases(String envelope) {
        deliver(envelope, CaseEvents.CONTRACT);
    }

    @Incoming("deputy-events")
    @Blocking
    public void deputies(String envelope) {
        deliver(envelope, DeputyEvents.CONTRACT);
    }

    @Incoming("scoring-events")
    @Blocking
    public void scoring(String envelope) {
        deliver(envelope, ScoringEvents.CONTRACT);
    }

    /**
     * 代表有约's bookings and cancellations (the citizen's reminder). No webhook takes these: a subscription names only
     * types of the three other topics.
     */
    @Incoming("station-events")
    @Blocking
    public void stations(String envelope) {
        IncomingEvent event = inbox.read(envelope);
        if (!StationEvents.CONTRACT.knows(event.type())) {
            throw new IncomingEvent.Unreadable(event.type() + " does not belong on " + StationEvents.CONTRACT.topic());
        }
        inbox.deliverInNewTransaction(CONSUMER, event, handlers);
    }

    private void deliver(String envelope, EventContract topic) {
        IncomingEvent event = inbox.read(envelope);
        if (!topic.knows(event.type())) {
            throw new IncomingEvent.Unreadable(event.type() + " does not belong on " + topic.topic());
        }
        // the webhooks claim the event under a consumer name of their own, in a transaction of their own, first: an
        // event the rules cannot apply (the dead-letter topic) still reaches the systems that subscribed to it
        webhooks.take(envelope, event);
        inbox.deliverInNewTransaction(CONSUMER, event, handlers);
    }
}
