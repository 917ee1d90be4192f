package cn.lianluo.common.inbox;

import cn.lianluo.common.data.TransientFailures;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.metrics.EventMeters;
import cn.lianluo.common.metrics.EventMeters.Outcome;
import cn.lianluo.common.outbox.EventTraces;
import cn.lianluo.common.outbox.ProcessedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The way every Kafka consumer takes in an event: read the envelope once, claim the event id for the consumer in the
 * {@link ProcessedEvents} log, and hand the event to the consumer's handler for its type. The claim and the handler run
 * in one transaction — the caller's ({@code @Transactional}), or one of their own, tried again when the database
 * refuses it for a moment — so the effect and the claim commit together and a redelivered event changes nothing. An
 * envelope that cannot be read throws {@link IncomingEvent.Unreadable}, and so do an event of a type its topic's contract
 * does not know (see {@link EventHandlers}) and a handler given an event it cannot
 * apply: the channel sends it to its dead-letter topic and the partition keeps flowing.
 * <p>
 * Each delivery is a span continuing the trace the event carries ({@link EventTraces}), is counted by consumer, type
 * and outcome ({@link EventMeters}), and says what became of the event — applied, duplicate, ignored (DEBUG),
 * dead-lettered (WARN) — by its id and type only: an envelope's data, and the reason an event could not be read (which
 * may quote it), stay out of the log.
 */
@ApplicationScoped
public class Inbox {

    /**
     * How many times {@link #deliverInNewTransaction} applies an event the database refuses for a moment (a deadlock, a
     * serialisation failure) before the event goes to the dead-letter topic.
     */
    public static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedEvents processed;
    private final ObjectMapper mapper;
    private final EventMeters meters;
    private final EventTraces traces;

    public Inbox(ProcessedEvents processed, ObjectMapper mapper, EventMeters meters, EventTraces traces) {
        this.processed = processed;
        this.mapper = mapper;
        this.meters = meters;
        this.traces = traces;
    }

    /** The envelope as an event; {@link IncomingEvent.Unreadable} when it is not a CloudEvent. */
    public IncomingEvent read(String envelope) {
        try {
            return IncomingEvent.parse(mapper, envelope);
        } catch (IncomingEvent.Unreadable e) {
            LOG.warn("an envelope that is no CloudEvent goes to the dead-letter topic (the reason is in its headers)");
            throw e;
        }
    }

    /** Reads the envelope and delivers it ({@link #deliver(String, IncomingEvent, EventHandlers)}). */
    public void deliver(String consumer, String envelope, EventHandlers handlers) {
        deliver(consumer, read(envelope), handlers);
    }

    /**
     * Claims the event for {@code consumer} and, the first time only, hands it to the handler of its type. An event of a
     * type without a handler is claimed all the same and passed over; one of a type the topic's contract does not know
     * is {@link IncomingEvent.Unreadable} and claims nothing. Needs a transaction.
     */
    public void deliver(String consumer, IncomingEvent event, EventHandlers handlers) {
        observed(consumer, event, () -> apply(consumer, event, handlers));
    }

    private Outcome apply(String consumer, IncomingEvent event, EventHandlers handlers) {
        handlers.requireKnown(event);
        if (!processed.firstTime(consumer, event.id())) {
            LOG.debugf("%s: event %s (%s) duplicate, already applied", consumer, event.id(), event.type());
            return Outcome.DUPLICATE;
        }
        if (handlers.dispatch(event, mapper)) {
            LOG.debugf("%s: event %s (%s) applied", consumer, event.id(), event.type());
            return Outcome.APPLIED;
        }
        LOG.debugf("%s: event %s (%s) ignored, no handler for its type", consumer, event.id(), event.type());
        return Outcome.IGNORED;
    }

    /**
     * Runs a delivery as a span of the event's trace, and counts and logs what became of the event: an exception sends
     * it to the channel's dead-letter topic.
     */
    private void observed(String consumer, IncomingEvent event, Supplier<Outcome> delivery) {
        Outcome outcome = traces.consuming(consumer, event, () -> {
            try {
                return delivery.get();
            } catch (RuntimeException e) {
                meters.consumed(consumer, event.type(), Outcome.DEAD_LETTERED);
                // the exception's message stays out: a constraint's or a reader's may quote the data
                LOG.warnf("%s: event %s (%s) dead-lettered: %s (the reason is in the dead-letter record's headers)",
                        consumer, event.id(), event.type(), e.getClass().getSimpleName());
                throw e;
            }
        });
        meters.consumed(consumer, event.type(), outcome);
    }

    /** Reads the envelope and delivers it in a transaction of its own (the next method). */
    public void deliverInNewTransaction(String consumer, String envelope, EventHandlers handlers) {
        deliverInNewTransaction(consumer, read(envelope), handlers);
    }

    /**
     * Delivers the event in a transaction of its own, again in a new one (up to {@link #ATTEMPTS} in all) when the
     * database refuses it for a moment: a consumer that gave up at once would send a valid event to its dead-letter topic.
     */
    public void deliverInNewTransaction(String consumer, IncomingEvent event, EventHandlers handlers) {
        observed(consumer, event, () -> {
            AtomicReference<Outcome> outcome = new AtomicReference<>();
            TransientFailures.inNewTransaction(ATTEMPTS, () -> outcome.set(apply(consumer, event, handlers)));
            return outcome.get();
        });
    }
}
