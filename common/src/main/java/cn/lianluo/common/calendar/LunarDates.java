package cn.lianluo.common.calendar;

import cn.lianluo.common.time.Zones;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * Gregorian dates of days of the Chinese lunisolar calendar (农历). ICU4J's {@link ChineseCalendar} says which lunar
 * month is which (the 中气 rule, leap months); its new moons come from a series precise to a few minutes, which puts
 * the first day of a month on the wrong date when the new moon falls that close to Beijing midnight (正月初一 of 2027
 * and of 2030: new moons at 23:56 on 6 February 2027 and 00:07 on 3 February 2030). So the first day of the month is
 * taken as the Beijing date of the true new moon nearest to ICU's first day ({@link Astronomy}, within a minute).
 */
final class LunarDates {

    private LunarDates() {
    }

    /** The date of day {@code day} of lunar month {@code month} (1 = 正月, never a leap month) of the lunar year that begins in {@code year}. */
    static LocalDate of(int year, int month, int day) {
        ChineseCalendar lunar = new ChineseCalendar(TimeZone.getTimeZone(Zones.CHINA_ID));
        lunar.clear();
        // in the ICU4J this project pins, the Chinese calendar's extended year is the Gregorian year in which the lunar
        // year begins (CLDR's "related Gregorian year"); StatutoryHolidaysTest fails if a new version changes that
        lunar.set(ChineseCalendar.EXTENDED_YEAR, year);
        lunar.set(ChineseCalendar.MONTH, month - 1);
        lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        lunar.set(ChineseCalendar.DAY_OF_MONTH, 1);
        LocalDate icuFirstDay = LocalDate.MIN.with(JulianFields.JULIAN_DAY, lunar.get(ChineseCalendar.JULIAN_DAY));
        return Astronomy.newMoonDateNear(icuFirstDay).plusDays(day - 1L);
    }
}
