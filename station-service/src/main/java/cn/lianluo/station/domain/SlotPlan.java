package cn.lianluo.station.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The appointment slots of a reception day (代表有约 on a 接待日): the schedule's hours ({@code 09:00-12:00}, a
 * schedule without hours is taken as the morning) cut into slots of equal length, the last slot ending by the close.
 */
public final class SlotPlan {

    /** The hours of a schedule that names none: a morning reception. */
    public static final String DEFAULT_HOURS = "09:00-12:00";

    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-–~至]\\s*(\\d{1,2}):(\\d{2})\\s*");

    private SlotPlan() {
    }

    /** The start times of the day's slots; empty when the hours are shorter than one slot. */
    public static List<LocalTime> starts(String hours, int minutes) {
        if (minutes <= 0) {
            throw new IllegalArgumentException("a slot lasts at least a minute");
        }
        Matcher m = HOURS.matcher(hours == null || hours.isBlank() ? DEFAULT_HOURS : hours);
        if (!m.matches()) {
            m = HOURS.matcher(DEFAULT_HOURS);
            m.matches();
        }
        LocalTime open = LocalTime.of(Integer.parseInt(m.group(1)) % 24, Integer.parseInt(m.group(2)) % 60);
        LocalTime close = LocalTime.of(Integer.parseInt(m.group(3)) % 24, Integer.parseInt(m.group(4)) % 60);
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime t = open; !t.plusMinutes(minutes).isAfter(close) && !t.plusMinutes(minutes).isBefore(t);
             t = t.plusMinutes(minutes)) {
            starts.add(t);
        }
        return starts;
    }
}
