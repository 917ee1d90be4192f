package cn.lianluo.cases.config;

import cn.lianluo.common.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time case-service runs on: the system clock, which tests may move forward to see deadlines pass. Nothing
 * in production moves it.
 */
@ApplicationScoped
public class CaseClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public LocalDate today() {
        return now().atZone(Zones.CHINA).toLocalDate();
    }

    /** Moves the clock forward (tests). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the real time (tests). */
    public void reset() {
        offset = Duration.ZERO;
    }
}
