package cn.lianluo.common.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * China's statutory days off (全体公民放假的节日) of any year from 2000 to 2099, as the 全国年节及纪念日放假办法 in its
 * 2025 revision (国务院令第795号) sets them: 元旦 1 January; 春节 除夕 and 正月初一 to 初三 (4 days); 清明 the day of
 * the solar term; 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3 October. Every day is {@code provisional}:
 * the weekends moved around them (调休) and the days given back for a holiday on a weekend are the State Council's
 * yearly arrangement, which replaces these days once it is loaded.
 *
 * <p>清明 is the Beijing date on which the Sun's apparent longitude reaches 15°, computed within about 15 minutes;
 * of 2000–2099 only 2071's (00:05 on 5 April) falls that close to midnight.
 */
public final class StatutoryHolidays {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private static final Map<Integer, List<CalendarDay>> COMPUTED = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The days off of {@code year}, by date, each {@code provisional}; none outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}. */
    public static List<CalendarDay> of(int year) {
        if (!covers(year)) {
            return List.of();
        }
        return COMPUTED.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    /** The Beijing date of 清明 in {@code year}. */
    public static LocalDate qingming(int year) {
        return Astronomy.beijingDate(Astronomy.sunReachesTt(year, 15));
    }

    private static List<CalendarDay> compute(int year) {
        // a day that is two holidays at once (中秋 on 1–3 October) is one day off, named after both
        Map<LocalDate, String> days = new LinkedHashMap<>();
        add(days, LocalDate.of(year, 1, 1), 1, "元旦");
        // 除夕 of the lunar year that begins in this Gregorian year; that of the next one can fall on 31 December
        // at the earliest in no year of the range (正月初一 is between 21 January and 20 February)
        add(days, LunarDates.of(year, 1, 1).minusDays(1), 4, "春节");
        add(days, qingming(year), 1, "清明节");
        add(days, LocalDate.of(year, 5, 1), 2, "劳动节");
        add(days, LunarDates.of(year, 5, 5), 1, "端午节");
        add(days, LunarDates.of(year, 8, 15), 1, "中秋节");
        add(days, LocalDate.of(year, 10, 1), 3, "国庆节");
        List<CalendarDay> list = new ArrayList<>();
        days.forEach((date, name) -> list.add(new CalendarDay(date, false, name, true)));
        list.sort(Comparator.comparing(CalendarDay::date));
        return List.copyOf(list);
    }

    private static void add(Map<LocalDate, String> days, LocalDate first, int length, String name) {
        for (int i = 0; i < length; i++) {
            days.merge(first.plusDays(i), name, (a, b) -> a + "、" + b);
        }
    }
}
