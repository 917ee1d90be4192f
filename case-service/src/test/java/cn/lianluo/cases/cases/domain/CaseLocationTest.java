package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case's place: both GCJ-02 coordinates within China, or none. */
class CaseLocationTest {

    static void refused(Double lat, Double lng, String field) {
        assertThatThrownBy(() -> CaseLocation.of(lat, lng)).as(lat + "," + lng)
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo(field));
                });
    }

    @Test
    void both_coordinates_within_china_are_a_place_and_none_is_no_place() {
        assertThat(CaseLocation.of(28.5571, 109.4783)).contains(new CaseLocation(28.5571, 109.4783));
        assertThat(CaseLocation.of(null, null)).isEmpty();
        // 漠河 and 曾母暗沙, 帕米尔 and 抚远
        assertThat(CaseLocation.of(53.5, 122.3)).isPresent();
        assertThat(CaseLocation.of(3.9, 112.3)).isPresent();
        assertThat(CaseLocation.of(39.3, 73.5)).isPresent();
        assertThat(CaseLocation.of(48.4, 135.0)).isPresent();
    }

    @Test
    void one_coordinate_alone_or_a_point_outside_china_is_refused_naming_the_field() {
        refused(28.5, null, "lng");
        refused(null, 109.4, "lat");
        refused(48.85, 2.35, "lng");
        refused(-33.9, 151.2, "lat");
        refused(Double.NaN, 109.4, "lat");
    }
}
