package cn.lianluo.common.inbox;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.EventContract;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One consumer's handlers, one per event type, and the contracts of the topics it reads. A type with no handler is
 * passed over: a consumer reads a whole topic and cares for only some of its events. A type that is in none of the
 * contracts is {@link IncomingEvent.Unreadable} (the dead-letter topic): a producer newer than this consumer, or an
 * event that does not belong on the topic. Immutable; {@link #on} returns a table with one more handler.
 */
public final class EventHandlers {

    /** What a consumer does with an event of one type, inside the transaction that claimed it. */
    @FunctionalInterface
    public interface Handler {
        void handle(IncomingEvent event);
    }

    /** What a consumer does with an event of one type and its data, read as the contract's record of the type. */
    @FunctionalInterface
    public interface TypedHandler<T> {
        void handle(IncomingEvent event, T data);
    }

    private interface Entry {
        void handle(IncomingEvent event, ObjectMapper mapper);
    }

    private static final EventHandlers NONE = new EventHandlers(List.of(), Map.of());

    private final List<EventContract> contracts;
    private final Map<String, Entry> byType;

    private EventHandlers(List<EventContract> contracts, Map<String, Entry> byType) {
        this.contracts = List.copyOf(contracts);
        this.byType = Map.copyOf(byType);
    }

    /** A table with no handler yet and no contract: every type is passed over unless a handler is added for it. */
    public static EventHandlers none() {
        return NONE;
    }

    /** A table with no handler yet for the topics of these contracts: a type in none of them is unreadable. */
    public static EventHandlers of(EventContract contract, EventContract... more) {
        List<EventContract> all = new ArrayList<>(List.of(more));
        all.add(0, contract);
        return new EventHandlers(all, Map.of());
    }

    /** This table and {@code handler} for the given types; a type given a second handler is a programming error. */
    public EventHandlers on(Handler handler, String type, String... moreTypes) {
        for (String t : concat(type, moreTypes)) {
            requireKnown(t);
        }
        return with((event, mapper) -> handler.handle(event), type, moreTypes);
    }

    /**
     * This table and {@code handler} for the given types, each given its event's data read as {@code data} with the
     * service's mapper; data that does not read as {@code data} is unreadable. {@code data} must be the record the
     * contract names for every one of the types.
     */
    public <T extends Record> EventHandlers on(Class<T> data, TypedHandler<T> handler, String type, String... moreTypes) {
        for (String t : concat(type, moreTypes)) {
            EventContract contract = contractOf(t);
            Class<?> declared = contract == null ? null : contract.dataOf(t);
            if (declared != data) {
                throw new IllegalArgumentException("the data of " + t + " is " + declared + ", not " + data);
            }
        }
        return with((event, mapper) -> handler.handle(event, event.dataAs(mapper, data)), type, moreTypes);
    }

    private EventHandlers with(Entry entry, String type, String... moreTypes) {
        Map<String, Entry> next = new HashMap<>(byType);
        for (String t : concat(type, moreTypes)) {
            if (next.putIfAbsent(t, entry) != null) {
                throw new IllegalArgumentException("two handlers for " + t);
            }
        }
        return new EventHandlers(contracts, next);
    }

    /** Whether an event of this type has a handler here. */
    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    /** Whether an event of this type may come here: it is in a contract of the table (any type, with no contract). */
    public boolean knows(String type) {
        return contracts.isEmpty() || contractOf(type) != null;
    }

    /** Nothing when the event's type is in a contract of the table; else {@link IncomingEvent.Unreadable}. */
    public void requireKnown(IncomingEvent event) {
        if (!knows(event.type())) {
            throw new IncomingEvent.Unreadable("unknown event type or version '" + event.type() + "' on " + contracts);
        }
    }

    /** Hands the event to the handler of its type; false (and nothing done) when there is none. */
    public boolean dispatch(IncomingEvent event, ObjectMapper mapper) {
        Entry entry = byType.get(event.type());
        if (entry == null) {
            return false;
        }
        entry.handle(event, mapper);
        return true;
    }

    private void requireKnown(String type) {
        if (!knows(type)) {
            throw new IllegalArgumentException(type + " is in none of " + contracts);
        }
    }

    private EventContract contractOf(String type) {
        return contracts.stream().filter(c -> c.knows(type)).findFirst().orElse(null);
    }

    private static List<String> concat(String first, String... more) {
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return List.of(all);
    }
}
