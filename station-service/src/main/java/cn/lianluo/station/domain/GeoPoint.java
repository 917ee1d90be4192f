package cn.lianluo.station.domain;

import cn.lianluo.common.geo.CoordinateSystem;
import cn.lianluo.common.geo.Gcj02;

import java.util.regex.Pattern;

/**
 * A point on the earth in decimal degrees, and the great-circle distance between two points (haversine on a sphere of
 * the earth's mean radius: within 0.5 % of the ellipsoid, plenty for "which station is nearest"). Stations' points
 * are GCJ-02, as 高德 or 腾讯 maps give them; a browser's WGS-84 position is brought into GCJ-02 ({@link #inGcj02})
 * before it is measured against them, else every distance would be off by the few hundred metres between the two.
 */
public record GeoPoint(double latitude, double longitude) {

    /** The IUGG mean radius of the earth, in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,15})?");

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude " + latitude + " is not between -90 and 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " is not between -180 and 180");
        }
    }

    /** {@code "28.59,109.48"}: latitude then longitude, decimal degrees; anything else is refused with the reason. */
    public static GeoPoint parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not latitude,longitude in decimal degrees (28.59,109.48)");
        }
        String latitude = parts[0].strip();
        String longitude = parts[1].strip();
        if (!DECIMAL.matcher(latitude).matches() || !DECIMAL.matcher(longitude).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not latitude,longitude in decimal degrees (28.59,109.48)");
        }
        return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
    }

    /** This point, given in {@code system}, as GCJ-02 (the datum stations are stored in). */
    public GeoPoint inGcj02(CoordinateSystem system) {
        Gcj02.LatLng converted = system.toGcj02(latitude, longitude);
        return new GeoPoint(converted.lat(), converted.lng());
    }

    /**
     * The haversine term of the distance to {@code other}: 0 for the same point, 1 for the antipode, growing with the
     * distance, so it orders points as the distance does (the finder's SQL sorts by it and needs no asin).
     */
    public double haversine(GeoPoint other) {
        double dLatitude = Math.toRadians(other.latitude - latitude);
        double dLongitude = Math.toRadians(other.longitude - longitude);
        double a = square(Math.sin(dLatitude / 2)) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * square(Math.sin(dLongitude / 2));
        return Math.min(1, a);
    }

    /** The great-circle distance to {@code other}, in whole metres. */
    public long metersTo(GeoPoint other) {
        return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(haversine(other))));
    }

    private static double square(double x) {
        return x * x;
    }
}
