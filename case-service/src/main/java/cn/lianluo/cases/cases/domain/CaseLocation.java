package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;

import java.util.Optional;

/**
 * Where a case's matter is, in GCJ-02 degrees: the coordinates the maps of mainland China (高德, 腾讯) give, which the
 * law requires of them. GCJ-02 is defined within China only, so a point outside the country's extent is refused.
 * Distances between two GCJ-02 points are good to a few metres at the scale of a street: the offset from WGS-84 is
 * nearly the same for points a few hundred metres apart.
 */
public record CaseLocation(double lat, double lng) {

    /** China's extent, with a margin: from 曾母暗沙 to 漠河, from 帕米尔 to 黑瞎子岛 (strings for the annotations). */
    public static final String MIN_LAT = "3.8";
    public static final String MAX_LAT = "53.6";
    public static final String MIN_LNG = "73.4";
    public static final String MAX_LNG = "135.1";

    public CaseLocation {
        if (!(lat >= Double.parseDouble(MIN_LAT) && lat <= Double.parseDouble(MAX_LAT))) {
            throw ProblemException.invalid("lat", "a GCJ-02 latitude within China, " + MIN_LAT + " to " + MAX_LAT);
        }
        if (!(lng >= Double.parseDouble(MIN_LNG) && lng <= Double.parseDouble(MAX_LNG))) {
            throw ProblemException.invalid("lng", "a GCJ-02 longitude within China, " + MIN_LNG + " to " + MAX_LNG);
        }
    }

    /** A place given both ways or not at all: one coordinate alone is a 400 naming the one missing. */
    public static Optional<CaseLocation> of(Double lat, Double lng) {
        if (lat == null && lng == null) {
            return Optional.empty();
        }
        if (lat == null) {
            throw ProblemException.invalid("lat", "given with lng: a place is both coordinates or none");
        }
        if (lng == null) {
            throw ProblemException.invalid("lng", "given with lat: a place is both coordinates or none");
        }
        return Optional.of(new CaseLocation(lat, lng));
    }
}
