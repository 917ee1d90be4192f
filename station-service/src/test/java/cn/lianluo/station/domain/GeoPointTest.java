package cn.lianluo.station.domain;

import cn.lianluo.common.geo.CoordinateSystem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

    @Test
    void a_browsers_position_reads_as_latitude_then_longitude() {
        assertThat(GeoPoint.parse("28.59,109.48")).isEqualTo(new GeoPoint(28.59, 109.48));
        assertThat(GeoPoint.parse(" -33.8688 , 151.2093 ")).isEqualTo(new GeoPoint(-33.8688, 151.2093));
        assertThat(GeoPoint.parse("90,-180")).isEqualTo(new GeoPoint(90, -180));
    }

    @Test
    void anything_but_two_decimal_numbers_in_range_is_refused() {
        for (String bad : List.of("", "28.59", "28.59,", ",109.48", "28.59,109.48,0", "28.59;109.48", "abc,def",
                "NaN,1", "Infinity,1", "1e1,2", "0x1,2", "90.0001,0", "-91,0", "0,180.5", "0,-181")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> GeoPoint.parse(bad));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.parse(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 0));
    }

    @Test
    void distances_are_great_circle_metres() {
        GeoPoint here = new GeoPoint(28.59, 109.48);
        assertThat(here.metersTo(here)).isZero();
        // a degree of latitude is 1/360 of a meridian's circle
        assertThat(new GeoPoint(0, 0).metersTo(new GeoPoint(1, 0)))
                .isCloseTo(Math.round(2 * Math.PI * GeoPoint.EARTH_RADIUS_METERS / 360), within(1L));
        // a degree of longitude shrinks with the cosine of the latitude (nearly: a small circle is not a great one)
        assertThat((double) new GeoPoint(60, 0).metersTo(new GeoPoint(60, 1)))
                .isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_METERS / 360, within(5.0));
        // the antipode is half the circumference; the order of the points does not matter
        assertThat(new GeoPoint(28.59, 109.48).metersTo(new GeoPoint(-28.59, -70.52)))
                .isCloseTo(Math.round(Math.PI * GeoPoint.EARTH_RADIUS_METERS), within(1L));
        GeoPoint changsha = new GeoPoint(28.2282, 112.9388);
        assertThat(here.metersTo(changsha)).isEqualTo(changsha.metersTo(here)).isBetween(330_000L, 350_000L);
    }

    @Test
    void a_browsers_wgs84_position_is_taken_into_gcj02_and_a_gcj02_one_stays_as_it_is() {
        // googollee/eviltransform's Shanghai reference point
        GeoPoint gcj = new GeoPoint(31.1774276, 121.5272106).inGcj02(CoordinateSystem.WGS84);
        assertThat(gcj.latitude()).isCloseTo(31.17530398364597, within(1e-9));
        assertThat(gcj.longitude()).isCloseTo(121.531541859215, within(1e-9));
        assertThat(new GeoPoint(28.59, 109.48).inGcj02(CoordinateSystem.GCJ02)).isEqualTo(new GeoPoint(28.59, 109.48));
        // abroad there is no offset
        assertThat(new GeoPoint(-33.8688, 151.2093).inGcj02(CoordinateSystem.WGS84)).isEqualTo(new GeoPoint(-33.8688, 151.2093));
    }

    @Test
    void the_haversine_term_orders_points_as_their_distance_does() {
        GeoPoint here = new GeoPoint(28.59, 109.48);
        List<GeoPoint> points = List.of(new GeoPoint(28.60, 109.48), new GeoPoint(28.59, 109.60), new GeoPoint(29.5, 110.5),
                new GeoPoint(-28.59, -70.52));
        for (int i = 1; i < points.size(); i++) {
            assertThat(here.haversine(points.get(i))).isGreaterThan(here.haversine(points.get(i - 1)));
            assertThat(here.metersTo(points.get(i))).isGreaterThan(here.metersTo(points.get(i - 1)));
        }
    }
}
