package cn.lianluo.common.geo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** WGS-84 → GCJ-02: the published reference points, a few hundred metres in China, nothing outside, a faithful inverse. */
class Gcj02Test {

    /**
     * wgsLat, wgsLng, gcjLat, gcjLng: the test vectors of googollee/eviltransform (MIT; its Go, Python and PHP tests
     * share them: Shanghai, Shenzhen, Beijing), which other libraries check against the maps' own conversion.
     */
    static final List<double[]> PUBLISHED = List.of(
            new double[] {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
            new double[] {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
            new double[] {39.911954, 116.377817, 39.91334545536069, 116.38404722455657});

    /** Spread over the country: 漠河, 喀什, 三亚, 拉萨, 抚远, 长沙, and 桑植 of the Hunan report. */
    static final List<double[]> ACROSS_CHINA = List.of(new double[] {52.97, 122.54}, new double[] {39.47, 75.99},
            new double[] {18.25, 109.51}, new double[] {29.65, 91.13}, new double[] {48.36, 134.29},
            new double[] {28.2282, 112.9388}, new double[] {29.40, 110.16});

    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lng2 - lng1);
        double h = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }

    @Test
    void the_published_reference_points_convert_to_their_published_values() {
        for (double[] p : PUBLISHED) {
            Gcj02.LatLng gcj = Gcj02.fromWgs84(p[0], p[1]);
            // 1e-9 degrees is a tenth of a millimetre: the same formula, not merely a close one
            assertThat(gcj.lat()).as("lat of %s,%s", p[0], p[1]).isCloseTo(p[2], within(1e-9));
            assertThat(gcj.lng()).as("lng of %s,%s", p[0], p[1]).isCloseTo(p[3], within(1e-9));
        }
    }

    @Test
    void in_china_the_offset_is_a_few_hundred_metres() {
        for (double[] p : concat(PUBLISHED, ACROSS_CHINA)) {
            Gcj02.LatLng gcj = Gcj02.fromWgs84(p[0], p[1]);
            assertThat(metres(p[0], p[1], gcj.lat(), gcj.lng())).as("%s,%s", p[0], p[1]).isBetween(50.0, 1_000.0);
        }
    }

    @Test
    void outside_china_it_is_the_identity() {
        for (double[] p : List.of(new double[] {48.8566, 2.3522}, new double[] {-33.8688, 151.2093},
                new double[] {40.7128, -74.0060}, new double[] {0, 0}, new double[] {35.6762, 139.6503},
                new double[] {56.0, 110.0}, new double[] {30.0, 71.9})) {
            assertThat(Gcj02.fromWgs84(p[0], p[1])).isEqualTo(new Gcj02.LatLng(p[0], p[1]));
            assertThat(Gcj02.toWgs84(p[0], p[1])).isEqualTo(new Gcj02.LatLng(p[0], p[1]));
            assertThat(CoordinateSystem.WGS84.toGcj02(p[0], p[1])).isEqualTo(new Gcj02.LatLng(p[0], p[1]));
        }
        assertThat(Gcj02.offsetApplies(31.17, 121.53)).isTrue();
        assertThat(Gcj02.offsetApplies(35.68, 139.65)).isFalse();
    }

    @Test
    void the_inverse_brings_a_converted_point_back_within_a_centimetre() {
        for (double[] p : concat(PUBLISHED, ACROSS_CHINA)) {
            Gcj02.LatLng gcj = Gcj02.fromWgs84(p[0], p[1]);
            Gcj02.LatLng back = Gcj02.toWgs84(gcj.lat(), gcj.lng());
            assertThat(metres(p[0], p[1], back.lat(), back.lng())).as("%s,%s", p[0], p[1]).isLessThan(0.01);
        }
        // and the published GCJ-02 values go back to the published WGS-84 ones
        for (double[] p : PUBLISHED) {
            Gcj02.LatLng back = Gcj02.toWgs84(p[2], p[3]);
            assertThat(metres(p[0], p[1], back.lat(), back.lng())).isLessThan(0.01);
        }
    }

    @Test
    void points_close_together_keep_their_distance_so_distances_between_gcj02_points_hold() {
        // the offset varies slowly: two points 1 km apart are still 1 km apart, to a few decimetres
        double[] a = {29.40, 110.16};
        double[] b = {29.409, 110.16};
        Gcj02.LatLng ga = Gcj02.fromWgs84(a[0], a[1]);
        Gcj02.LatLng gb = Gcj02.fromWgs84(b[0], b[1]);
        assertThat(metres(ga.lat(), ga.lng(), gb.lat(), gb.lng())).isCloseTo(metres(a[0], a[1], b[0], b[1]), within(1.0));
    }

    @Test
    void a_gcj02_point_is_taken_as_it_is() {
        assertThat(CoordinateSystem.GCJ02.toGcj02(29.3, 110.3)).isEqualTo(new Gcj02.LatLng(29.3, 110.3));
        assertThat(CoordinateSystem.WGS84.toGcj02(31.1774276, 121.5272106)).isEqualTo(Gcj02.fromWgs84(31.1774276, 121.5272106));
    }

    private static List<double[]> concat(List<double[]> a, List<double[]> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
