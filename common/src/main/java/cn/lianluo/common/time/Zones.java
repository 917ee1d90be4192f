package cn.lianluo.common.time;

import java.time.ZoneId;

/**
 * The one time zone of the platform. Every "today", every day boundary of a deadline, a report or an open-data cut-off,
 * and every event time is China's civil time, whichever zone the machine or the container runs in.
 */
public final class Zones {

    /** The zone's id, for the places that take a string: annotations and configuration. */
    public static final String CHINA_ID = "Asia/Shanghai";

    /** China's civil time (Beijing time, UTC+8 since 1992). */
    public static final ZoneId CHINA = ZoneId.of(CHINA_ID);

    private Zones() {
    }
}
