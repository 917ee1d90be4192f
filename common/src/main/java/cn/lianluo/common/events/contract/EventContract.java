package cn.lianluo.common.events.contract;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of one topic: every event type it carries and the record its data maps to. The producer writes that
 * record as the event's data, the consumers read it back as that record; {@code EventContractsTest} (common) holds it
 * equal to the AsyncAPI document, so a type or a field on one side only fails the build. Immutable.
 */
public final class EventContract {

    private final String topic;
    private final Map<String, Class<? extends Record>> dataByType;

    private EventContract(String topic, Map<String, Class<? extends Record>> dataByType) {
        this.topic = topic;
        this.dataByType = dataByType;
    }

    /** A topic's contract with no type yet. */
    public static EventContract of(String topic) {
        return new EventContract(topic, Map.of());
    }

    /** This contract and the types whose data is {@code data}; a type given twice is a programming error. */
    public EventContract with(Class<? extends Record> data, List<String> types) {
        Map<String, Class<? extends Record>> next = new LinkedHashMap<>(dataByType);
        for (String type : types) {
            if (next.putIfAbsent(type, data) != null) {
                throw new IllegalArgumentException("two records for " + type);
            }
        }
        return new EventContract(topic, Collections.unmodifiableMap(next));
    }

    /** This contract and the types whose data is {@code data}. */
    public EventContract with(Class<? extends Record> data, String... types) {
        return with(data, Arrays.asList(types));
    }

    /** The topic's name without the deployment's prefix, e.g. {@code deputy.events}. */
    public String topic() {
        return topic;
    }

    /** The topic's event types, in the order they were given. */
    public Set<String> types() {
        return dataByType.keySet();
    }

    /** Whether the topic carries events of this type. */
    public boolean knows(String type) {
        return dataByType.containsKey(type);
    }

    /** The record of the data of an event of this type; null for a type the topic does not carry. */
    public Class<? extends Record> dataOf(String type) {
        return dataByType.get(type);
    }

    @Override
    public String toString() {
        return topic;
    }
}
