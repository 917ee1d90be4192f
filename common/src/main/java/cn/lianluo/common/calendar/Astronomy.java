package cn.lianluo.common.calendar;

import cn.lianluo.common.time.Zones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The two moments the statutory holidays hang on, computed with the series of Jean Meeus, <i>Astronomical
 * Algorithms</i> (2nd ed., 1998): the true new moon (ch. 49, within a minute of the modern ephemerides for
 * 1900–2100) and the Sun's apparent longitude (ch. 25, the low-accuracy series: within about 0.01°, a quarter of an
 * hour of the Sun's motion). Days are those of Beijing time (UTC+8), as GB/T 33661-2017 counts them.
 */
final class Astronomy {

    /** Beijing standard time: the zone's standard offset, never a summer time (China kept one from 1986 to 1991). */
    static final ZoneOffset BEIJING = Zones.CHINA.getRules().getStandardOffset(Instant.EPOCH);
    private static final double J2000 = 2451545.0;
    private static final double UNIX_EPOCH_JD = 2440587.5;

    private Astronomy() {
    }

    /** The Beijing date of the true new moon nearest to {@code near} (the lunation whose index rounds to it). */
    static LocalDate newMoonDateNear(LocalDate near) {
        double years = near.getYear() + (near.getDayOfYear() - 0.5) / near.lengthOfYear();
        long k = Math.round((years - 2000) * 12.3685);
        return beijingDate(newMoonTt(k));
    }

    /** The moment (Julian ephemeris day, TT) of new moon number {@code k}, 0 being that of 6 January 2000. */
    static double newMoonTt(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double correction = -0.40720 * Math.sin(mm)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mm)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mm - m)
                - 0.00514 * e * Math.sin(mm + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mm - 2 * f)
                - 0.00057 * Math.sin(mm + 2 * f)
                + 0.00056 * e * Math.sin(2 * mm + m)
                - 0.00042 * Math.sin(3 * mm)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mm - m)
                - 0.00017 * Math.sin(omega)
                - 0.00007 * Math.sin(mm + 2 * m)
                + 0.00004 * Math.sin(2 * mm - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mm + m - 2 * f)
                + 0.00003 * Math.sin(2 * mm + 2 * f)
                - 0.00003 * Math.sin(mm + m + 2 * f)
                + 0.00003 * Math.sin(mm - m + 2 * f)
                - 0.00002 * Math.sin(mm - m - 2 * f)
                - 0.00002 * Math.sin(3 * mm + m)
                + 0.00002 * Math.sin(4 * mm);
        double[][] planetary = {
                {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
                {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
                {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
                {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
                {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double additional = 0;
        for (int i = 0; i < planetary.length; i++) {
            double argument = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            additional += planetary[i][2] * Math.sin(rad(argument));
        }
        return jde + correction + additional;
    }

    /** The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian ephemeris day (TT). */
    static double sunLongitude(double jde) {
        double t = (jde - J2000) / 36525;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double apparent = l0 + centre - 0.00569 - 0.00478 * Math.sin(omega);
        return ((apparent % 360) + 360) % 360;
    }

    /**
     * The moment (TT) in {@code year} at which the Sun's apparent longitude reaches {@code degrees}, by bisection
     * from a guess (the longitude grows about 0.9856° a day, so 40 days either side hold exactly one crossing).
     */
    static double sunReachesTt(int year, double degrees) {
        // the day of the year the Sun passes 0° (the March equinox) is about 20 March
        double guess = julianDay(LocalDate.of(year, 3, 20)) + degrees / 0.9856;
        double low = guess - 40;
        double high = guess + 40;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            double ahead = ((sunLongitude(mid) - degrees + 540) % 360) - 180; // signed, in (-180, 180]
            if (ahead >= 0) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return (low + high) / 2;
    }

    static LocalDate beijingDate(double jde) {
        return instant(jde).atOffset(BEIJING).toLocalDate();
    }

    /** A TT moment as an instant of universal time. */
    static Instant instant(double jde) {
        double utDays = jde - deltaTSeconds(jde) / 86400.0;
        long millis = Math.round((utDays - UNIX_EPOCH_JD) * 86400000.0);
        return Instant.ofEpochMilli(millis);
    }

    /** TT − UT in seconds, the polynomials of Espenak and Meeus (NASA, 2006) for 1986–2150. */
    static double deltaTSeconds(double jde) {
        double year = 2000 + (jde - J2000) / 365.25;
        if (year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
                    + 0.00002373599 * t * t * t * t * t;
        }
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    static double julianDay(LocalDate date) {
        return date.toEpochDay() + 2440587.5;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }
}
