package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.geo.ChinaExtent;

import java.util.Optional;

/**
 * Where a case's matter is, in GCJ-02 degrees: the coordinates the maps of mainland China (高德, 腾讯) give, which the
 * law requires of them. GCJ-02 is defined within China only, so a point outside the country's extent is refused.
 * Distances between two GCJ-02 points are good to a few metres at the scale of a street: the offset from WGS-84 is
 * nearly the same for points a few hundred metres apart.
 */
public record CaseLocation(double lat, double lng) {

    /** China's extent, with a margin (the check stations share, in common; strings for the annotations). */
    public static final String MIN_LAT = ChinaExtent.MIN_LAT;
    public static final String MAX_LAT = ChinaExtent.MAX_LAT;
    public static final String MIN_LNG = ChinaExtent.MIN_LNG;
    public static final String MAX_LNG = ChinaExtent.MAX_LNG;

    public CaseLocation {
        ChinaExtent.requireLatitude("lat", lat);
        ChinaExtent.requireLongitude("lng", lng);
    }

    /** A place given both ways or not at all: one coordinate alone is a 400 naming the one missing. */
    public static Optional<CaseLocation> of(Double lat, Double lng) {
        return ChinaExtent.requirePlace("lat", lat, "lng", lng) ? Optional.of(new CaseLocation(lat, lng)) : Optional.empty();
    }
}
