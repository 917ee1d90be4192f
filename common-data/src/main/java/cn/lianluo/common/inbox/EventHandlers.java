package cn.lianluo.common.inbox;

import cn.lianluo.common.events.IncomingEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One consumer's handlers, one per event type. A type with no handler is passed over: a consumer reads a whole topic
 * and cares for only some of its events. Immutable; {@link #on} returns a table with one more handler.
 */
public final class EventHandlers {

    /** What a consumer does with an event of one type, inside the transaction that claimed it. */
    @FunctionalInterface
    public interface Handler {
        void handle(IncomingEvent event);
    }

    private static final EventHandlers NONE = new EventHandlers(Map.of());

    private final Map<String, Handler> byType;

    private EventHandlers(Map<String, Handler> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** A table with no handler yet. */
    public static EventHandlers none() {
        return NONE;
    }

    /** This table and {@code handler} for the given types; a type given a second handler is a programming error. */
    public EventHandlers on(Handler handler, String type, String... moreTypes) {
        Map<String, Handler> next = new HashMap<>(byType);
        for (String t : concat(type, moreTypes)) {
            if (next.putIfAbsent(t, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + t);
            }
        }
        return new EventHandlers(next);
    }

    /** Whether an event of this type has a handler here. */
    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    /** Hands the event to the handler of its type; false (and nothing done) when there is none. */
    public boolean dispatch(IncomingEvent event) {
        Handler handler = byType.get(event.type());
        if (handler == null) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    private static List<String> concat(String first, String... more) {
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return List.of(all);
    }
}
