package cn.lianluo.common.geo;

/**
 * The datum a pair of coordinates is given in. The platform stores GCJ-02 (what staff and citizens copy from 高德 or
 * 腾讯 maps); a browser's or a phone's GPS position is WGS-84 and is converted before it is compared with stored points.
 */
public enum CoordinateSystem {
    /** The GPS datum: {@code navigator.geolocation}, a phone's or a receiver's fix, OpenStreetMap. */
    WGS84,
    /** 国测局坐标: the maps of mainland China (高德, 腾讯). */
    GCJ02;

    /** The point in GCJ-02, the datum the platform stores. */
    public Gcj02.LatLng toGcj02(double lat, double lng) {
        return switch (this) {
            case WGS84 -> Gcj02.fromWgs84(lat, lng);
            case GCJ02 -> new Gcj02.LatLng(lat, lng);
        };
    }
}
