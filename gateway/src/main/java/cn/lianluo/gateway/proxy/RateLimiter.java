package cn.lianluo.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A fixed one-minute window per key (a client address, a phone): at most {@code perMinute} requests. */
public final class RateLimiter {

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final LongSupplier millis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, LongSupplier millis) {
        this.perMinute = perMinute;
        this.millis = millis;
    }

    /** @return 0 when allowed, else the seconds until the next window */
    public long acquire(String key) {
        long now = millis.getAsLong();
        long minute = now / 60_000;
        Window w = windows.compute(key, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        return w.count() <= perMinute ? 0 : Math.max(1, (minute + 1) * 60 - now / 1000);
    }
}
