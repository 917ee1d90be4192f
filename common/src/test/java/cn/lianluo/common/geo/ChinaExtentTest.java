package cn.lianluo.common.geo;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A place of the platform: both coordinates within China, or none; a fault names its field. */
class ChinaExtentTest {

    static void refused(Double lat, Double lng, String field) {
        assertThatThrownBy(() -> ChinaExtent.requirePlace("latitude", lat, "longitude", lng)).as(lat + "," + lng)
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo(field));
                });
    }

    @Test
    void both_coordinates_within_china_are_a_place_and_none_is_no_place() {
        assertThat(ChinaExtent.requirePlace("latitude", 29.33, "longitude", 110.27)).isTrue();
        assertThat(ChinaExtent.requirePlace("latitude", null, "longitude", null)).isFalse();
        // 漠河 and 曾母暗沙, 帕米尔 and 抚远
        assertThat(ChinaExtent.requirePlace("latitude", 53.5, "longitude", 122.3)).isTrue();
        assertThat(ChinaExtent.requirePlace("latitude", 3.9, "longitude", 112.3)).isTrue();
        assertThat(ChinaExtent.requirePlace("latitude", 39.3, "longitude", 73.5)).isTrue();
        assertThat(ChinaExtent.requirePlace("latitude", 48.4, "longitude", 135.0)).isTrue();
    }

    @Test
    void one_coordinate_alone_or_a_point_outside_china_is_refused_naming_the_field() {
        refused(28.5, null, "longitude");
        refused(null, 109.4, "latitude");
        refused(48.85, 2.35, "longitude");
        refused(-33.9, 151.2, "latitude");
        refused(109.4, 28.5, "latitude");
        refused(Double.NaN, 109.4, "latitude");
        refused(28.5, Double.NaN, "longitude");
    }
}
