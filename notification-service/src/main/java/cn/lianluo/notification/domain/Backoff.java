package cn.lianluo.notification.domain;

import java.time.Duration;

/** The one retry schedule of the service (SMS and e-mail dispatch, webhook deliveries): a delay that doubles. */
public final class Backoff {

    private Backoff() {
    }

    /** The pause after the {@code failures}-th failed attempt: {@code first}, doubling each time, at most {@code max}. */
    public static Duration after(int failures, Duration first, Duration max) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
