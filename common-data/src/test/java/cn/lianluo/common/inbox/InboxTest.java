package cn.lianluo.common.inbox;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.DeputyEvents.DeputyData;
import cn.lianluo.common.metrics.EventMeters;
import cn.lianluo.common.outbox.EventTraces;
import cn.lianluo.common.outbox.ProcessedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.TracerProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxTest {

    private static final String REGISTERED = "lianluo.deputy.registered.v1";
    private static final String UPDATED = "lianluo.deputy.updated.v1";
    private static final String GROUPED = "lianluo.deputy.group-joined.v1";
    private static final EventTraces NO_TRACES = new EventTraces(TracerProvider.noop().get("test"));

    /** The processed-events log as a set, as the table's primary key (consumer, event id) keeps it. */
    private static final class Log extends ProcessedEvents {
        final Set<String> claims = new HashSet<>();

        Log() {
            super(null, null);
        }

        @Override
        public boolean firstTime(String consumer, UUID eventId) {
            return claims.add(consumer + " " + eventId);
        }
    }

    private final Log log = new Log();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventMeters meters = new EventMeters(registry);
    private final Inbox inbox = new Inbox(log, new ObjectMapper(), meters, NO_TRACES);
    private final List<String> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.none()
            .on(e -> handled.add("copy " + e.data().path("name").asText()), REGISTERED, UPDATED);

    private static String envelope(UUID id, String type) {
        return """
                {"specversion":"1.0","id":"%s","source":"/deputy-service","type":"%s",
                 "time":"2026-03-02T08:00:00+08:00","data":{"name":"王芳"}}""".formatted(id, type);
    }

    @Test
    void an_event_is_claimed_and_handed_to_the_handler_of_its_type() {
        UUID id = UUID.randomUUID();

        inbox.deliver("case-service/deputy-copy", envelope(id, UPDATED), handlers);

        assertThat(handled).containsExactly("copy 王芳");
        assertThat(log.claims).containsExactly("case-service/deputy-copy " + id);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        String envelope = envelope(UUID.randomUUID(), REGISTERED);

        inbox.deliver("case-service/deputy-copy", envelope, handlers);
        inbox.deliver("case-service/deputy-copy", envelope, handlers);

        assertThat(handled).containsExactly("copy 王芳");
    }

    @Test
    void each_event_taken_in_is_counted_by_consumer_type_and_what_became_of_it() {
        String envelope = envelope(UUID.randomUUID(), REGISTERED);
        EventHandlers failing = EventHandlers.none().on(e -> {
            throw new IncomingEvent.Unreadable("a deputy event without a valid regionCode");
        }, UPDATED);

        inbox.deliver("case-service/deputy-copy", envelope, handlers);
        inbox.deliver("case-service/deputy-copy", envelope, handlers);
        inbox.deliver("case-service/deputy-copy", envelope(UUID.randomUUID(), GROUPED), handlers);
        assertThatThrownBy(() -> inbox.deliver("case-service/deputy-copy", envelope(UUID.randomUUID(), UPDATED), failing))
                .isInstanceOf(IncomingEvent.Unreadable.class);

        assertThat(consumed(REGISTERED, "applied")).isEqualTo(1);
        assertThat(consumed(REGISTERED, "duplicate")).isEqualTo(1);
        assertThat(consumed(GROUPED, "ignored")).isEqualTo(1);
        assertThat(consumed(UPDATED, "dead_lettered")).isEqualTo(1);
        assertThat(registry.find("lianluo.events.consumed").counters()).hasSize(4);
    }

    private double consumed(String type, String outcome) {
        var counter = registry.find("lianluo.events.consumed")
                .tags("consumer", "case-service/deputy-copy", "type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void each_consumer_claims_an_event_for_itself() {
        IncomingEvent event = inbox.read(envelope(UUID.randomUUID(), REGISTERED));

        inbox.deliver("case-service/deputy-copy", event, handlers);
        inbox.deliver("station-service/deputy-copy", event, handlers);

        assertThat(handled).containsExactly("copy 王芳", "copy 王芳");
        assertThat(log.claims).hasSize(2);
    }

    @Test
    void an_event_of_a_type_without_a_handler_is_claimed_and_passed_over() {
        inbox.deliver("case-service/deputy-copy", envelope(UUID.randomUUID(), GROUPED), handlers);

        assertThat(handled).isEmpty();
        assertThat(log.claims).hasSize(1);
        assertThat(handlers.handles(GROUPED)).isFalse();
        assertThat(handlers.handles(UPDATED)).isTrue();
    }

    @Test
    void an_unreadable_envelope_fails_for_the_dead_letter_topic_and_claims_nothing() {
        assertThatThrownBy(() -> inbox.deliver("case-service/deputy-copy", "{not json", handlers))
                .isInstanceOf(IncomingEvent.Unreadable.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> inbox.deliver("case-service/deputy-copy", "[1, 2]", handlers))
                .isInstanceOf(IncomingEvent.Unreadable.class).hasMessage("not a CloudEvent");
        assertThatThrownBy(() -> inbox.deliver("case-service/deputy-copy",
                envelope(UUID.randomUUID(), REGISTERED).replace("2026-03-02T08:00:00+08:00", "yesterday"), handlers))
                .isInstanceOf(IncomingEvent.Unreadable.class).hasMessageContaining("a CloudEvent needs an id (UUID) and a time");

        assertThat(log.claims).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void a_failing_handler_fails_the_delivery_so_the_caller_s_transaction_rolls_back() {
        EventHandlers failing = EventHandlers.none().on(e -> {
            throw new IncomingEvent.Unreadable("a deputy event without a valid regionCode");
        }, REGISTERED);

        assertThatThrownBy(() -> inbox.deliver("station-service/deputy-copy", envelope(UUID.randomUUID(), REGISTERED),
                failing)).isInstanceOf(IncomingEvent.Unreadable.class).hasMessageContaining("regionCode");
    }

    @Test
    void a_type_is_handled_by_one_handler_only() {
        assertThatThrownBy(() -> handlers.on(e -> handled.add("again"), UPDATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two handlers for " + UPDATED);
    }

    @Test
    void adding_a_handler_leaves_the_table_it_was_added_to_as_it_was() {
        EventHandlers more = handlers.on(e -> handled.add("grouped"), GROUPED);

        assertThat(more.handles(GROUPED)).isTrue();
        assertThat(handlers.handles(GROUPED)).isFalse();
    }

    /** The deputies' topic as a consumer of it sees it: its contract, a typed handler for registered events only. */
    private final Inbox typedInbox = new Inbox(log, new ObjectMapper().registerModule(new JavaTimeModule()), meters, NO_TRACES);
    private final EventHandlers typed = EventHandlers.of(DeputyEvents.CONTRACT)
            .on(DeputyData.class, (e, d) -> handled.add(d.name() + " " + d.deputyId() + " " + d.active()), REGISTERED);

    private static String deputyEnvelope(UUID id, String type, String deputyId) {
        return envelope(id, type).replace("{\"name\":\"王芳\"}",
                "{\"deputyId\":\"" + deputyId + "\",\"name\":\"王芳\",\"active\":true,\"mandates\":[]}");
    }

    @Test
    void a_typed_handler_is_given_the_data_as_the_record_of_the_contract() {
        UUID deputy = UUID.randomUUID();

        typedInbox.deliver("case-service/deputy-copy", deputyEnvelope(UUID.randomUUID(), REGISTERED, deputy.toString()), typed);

        assertThat(handled).containsExactly("王芳 " + deputy + " true");
    }

    @Test
    void data_that_does_not_read_as_the_record_fails_for_the_dead_letter_topic() {
        assertThatThrownBy(() -> typedInbox.deliver("case-service/deputy-copy",
                deputyEnvelope(UUID.randomUUID(), REGISTERED, "not-a-uuid"), typed))
                .isInstanceOf(IncomingEvent.Unreadable.class).hasMessageContaining("is not a DeputyData");
        assertThat(handled).isEmpty();
    }

    @Test
    void a_type_the_topic_s_contract_does_not_know_fails_for_the_dead_letter_topic_and_claims_nothing() {
        for (String unknown : List.of("lianluo.deputy.registered.v2", "lianluo.deputy.promoted.v1",
                "lianluo.station.registered.v1")) {
            assertThatThrownBy(() -> typedInbox.deliver("case-service/deputy-copy",
                    deputyEnvelope(UUID.randomUUID(), unknown, UUID.randomUUID().toString()), typed))
                    .isInstanceOf(IncomingEvent.Unreadable.class)
                    .hasMessage("unknown event type or version '" + unknown + "' on [deputy.events]");
        }
        assertThat(log.claims).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void a_type_the_contract_knows_and_the_consumer_does_not_handle_is_claimed_and_passed_over() {
        typedInbox.deliver("case-service/deputy-copy", deputyEnvelope(UUID.randomUUID(), GROUPED, UUID.randomUUID().toString()),
                typed);
        typedInbox.deliver("case-service/deputy-copy", deputyEnvelope(UUID.randomUUID(), UPDATED, UUID.randomUUID().toString()),
                typed);

        assertThat(handled).isEmpty();
        assertThat(log.claims).hasSize(2);
    }

    @Test
    void a_handler_for_a_type_outside_the_contract_or_of_another_record_is_a_programming_error() {
        assertThatThrownBy(() -> typed.on(e -> handled.add("x"), "lianluo.deputy.promoted.v1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> typed.on(DeputyData.class, (e, d) -> handled.add("x"), DeputyEvents.ASSIGNED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Assigned");
    }
}
