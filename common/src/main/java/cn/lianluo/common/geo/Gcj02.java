package cn.lianluo.common.geo;

/**
 * GCJ-02 (国测局坐标, "Mars coordinates"): the datum the maps of mainland China must use (高德/AMap, 腾讯/Tencent, and
 * what staff copy from them), an offset of WGS-84 of a few hundred metres that varies smoothly over the country. The
 * conversion from WGS-84 is the widely published reconstruction (Krasovsky 1940 ellipsoid, the same as every open
 * implementation), good to a metre or so against the maps. It is defined inside a rough box around China only: outside
 * it both directions are the identity, as the maps themselves do abroad.
 */
public final class Gcj02 {

    /** A latitude and a longitude in decimal degrees. */
    public record LatLng(double lat, double lng) {
    }

    /** Semi-major axis (metres) and first eccentricity squared of the Krasovsky 1940 ellipsoid the formula uses. */
    private static final double A = 6_378_245.0;
    private static final double EE = 0.006_693_421_622_965_943_23;

    /** The inverse stops when a step moves the point by less than this (degrees, about a millimetre). */
    private static final double INVERSE_TOLERANCE = 1e-8;
    private static final int INVERSE_STEPS = 20;

    private Gcj02() {
    }

    /** Whether a point lies in the box where GCJ-02 differs from WGS-84 (the box every published implementation uses). */
    public static boolean offsetApplies(double lat, double lng) {
        return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
    }

    /** A WGS-84 point (a GPS fix, a browser's {@code navigator.geolocation}) as the maps of China show it. */
    public static LatLng fromWgs84(double lat, double lng) {
        if (!offsetApplies(lat, lng)) {
            return new LatLng(lat, lng);
        }
        double[] offset = offset(lat, lng);
        return new LatLng(lat + offset[0], lng + offset[1]);
    }

    /**
     * The WGS-84 point whose GCJ-02 form is the one given: the offset is smooth and small, so subtracting the offset
     * at the current guess and repeating converges to well under a metre in two or three steps.
     */
    public static LatLng toWgs84(double lat, double lng) {
        if (!offsetApplies(lat, lng)) {
            return new LatLng(lat, lng);
        }
        double wgsLat = lat;
        double wgsLng = lng;
        for (int step = 0; step < INVERSE_STEPS; step++) {
            LatLng there = fromWgs84(wgsLat, wgsLng);
            double dLat = there.lat() - lat;
            double dLng = there.lng() - lng;
            wgsLat -= dLat;
            wgsLng -= dLng;
            if (Math.abs(dLat) < INVERSE_TOLERANCE && Math.abs(dLng) < INVERSE_TOLERANCE) {
                break;
            }
        }
        return new LatLng(wgsLat, wgsLng);
    }

    /** The offset {dLat, dLng} in degrees at a WGS-84 point: the published polynomial-and-sine field, scaled to degrees. */
    private static double[] offset(double lat, double lng) {
        double x = lng - 105.0;
        double y = lat - 35.0;
        double northMetres = northField(x, y);
        double eastMetres = eastField(x, y);
        double phi = Math.toRadians(lat);
        double w = 1 - EE * Math.sin(phi) * Math.sin(phi);
        double sqrtW = Math.sqrt(w);
        // metres to degrees on the ellipsoid: the meridian's and the parallel's radius of curvature at this latitude
        double dLat = northMetres * 180.0 / (A * (1 - EE) / (w * sqrtW) * Math.PI);
        double dLng = eastMetres * 180.0 / (A / sqrtW * Math.cos(phi) * Math.PI);
        return new double[] {dLat, dLng};
    }

    private static double northField(double x, double y) {
        double field = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        field += ripple(x);
        field += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        field += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return field;
    }

    private static double eastField(double x, double y) {
        double field = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        field += ripple(x);
        field += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        field += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return field;
    }

    /** The short-wave term both components share. */
    private static double ripple(double x) {
        return (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    }
}
