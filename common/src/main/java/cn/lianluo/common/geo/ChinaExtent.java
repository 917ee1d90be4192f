package cn.lianluo.common.geo;

import cn.lianluo.common.problem.ProblemException;

/**
 * The extent a place of the platform (a case's matter, a station) must lie in: mainland China's, with a margin, from
 * 曾母暗沙 to 漠河 and from 帕米尔 to 黑瞎子岛. GCJ-02 is defined within China only, so a point outside is a mistake
 * (swapped coordinates, a foreign map). The bounds are strings so that {@code @DecimalMin}/{@code @DecimalMax} can name
 * them and the API's description shows them.
 */
public final class ChinaExtent {

    public static final String MIN_LAT = "3.8";
    public static final String MAX_LAT = "53.6";
    public static final String MIN_LNG = "73.4";
    public static final String MAX_LNG = "135.1";

    private ChinaExtent() {
    }

    public static boolean containsLatitude(double lat) {
        return lat >= Double.parseDouble(MIN_LAT) && lat <= Double.parseDouble(MAX_LAT);
    }

    public static boolean containsLongitude(double lng) {
        return lng >= Double.parseDouble(MIN_LNG) && lng <= Double.parseDouble(MAX_LNG);
    }

    /** 400 naming {@code field} unless the latitude lies within China's extent. */
    public static void requireLatitude(String field, double lat) {
        if (!containsLatitude(lat)) {
            throw ProblemException.invalid(field, "a GCJ-02 latitude within China, " + MIN_LAT + " to " + MAX_LAT);
        }
    }

    /** 400 naming {@code field} unless the longitude lies within China's extent. */
    public static void requireLongitude(String field, double lng) {
        if (!containsLongitude(lng)) {
            throw ProblemException.invalid(field, "a GCJ-02 longitude within China, " + MIN_LNG + " to " + MAX_LNG);
        }
    }

    /**
     * A place given both ways or not at all, and then within China: {@code true} for a place, {@code false} for none,
     * a 400 naming the field at fault otherwise (the missing one, or the one out of range).
     */
    public static boolean requirePlace(String latField, Double lat, String lngField, Double lng) {
        if (lat == null && lng == null) {
            return false;
        }
        if (lat == null) {
            throw ProblemException.invalid(latField, "given with " + lngField + ": a place is both coordinates or none");
        }
        if (lng == null) {
            throw ProblemException.invalid(lngField, "given with " + latField + ": a place is both coordinates or none");
        }
        requireLatitude(latField, lat);
        requireLongitude(lngField, lng);
        return true;
    }
}
