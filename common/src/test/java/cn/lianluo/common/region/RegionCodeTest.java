package cn.lianluo.common.region;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "430000, 43, PROVINCE",
            "43, 43, PROVINCE",
            "430800, 4308, CITY",
            "4308, 4308, CITY",
            "430822, 430822, COUNTY",
            "430822207, 430822207, TOWNSHIP",
            "430822207000, 430822207, TOWNSHIP",
            "430822000000, 430822, COUNTY",
            "430822101201, 430822101201, VILLAGE",
            "' 433124108 ', 433124108, TOWNSHIP"})
    void official_codes_normalise_to_their_significant_prefix(String raw, String normalised, RegionLevel level) {
        RegionCode code = RegionCode.of(raw);
        assertThat(code.value()).isEqualTo(normalised);
        assertThat(code.level()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "4", "430", "43082", "4308220", "43082220", "4308222071", "43a822", "０43", "043000", "-43", "4308222070001"})
    void malformed_codes_are_rejected(String raw) {
        assertThatThrownBy(() -> RegionCode.of(raw)).isInstanceOf(InvalidRegionCodeException.class);
    }

    @Test
    void null_is_rejected() {
        assertThatThrownBy(() -> RegionCode.of(null)).isInstanceOf(InvalidRegionCodeException.class);
    }

    @Test
    void parents_walk_up_the_hierarchy() {
        assertThat(RegionCode.of("430822207201").parent()).contains(RegionCode.of("430822207"));
        assertThat(RegionCode.of("430822207").parent()).contains(RegionCode.of("430822"));
        assertThat(RegionCode.of("430822").parent()).contains(RegionCode.of("4308"));
        assertThat(RegionCode.of("4308").parent()).contains(RegionCode.of("43"));
        assertThat(RegionCode.of("43").parent()).isEmpty();
    }

    @Test
    void containment_is_a_prefix_test() {
        RegionCode sangzhi = RegionCode.of("430822");
        assertThat(sangzhi.contains(RegionCode.of("430822207"))).isTrue();
        assertThat(sangzhi.contains(sangzhi)).isTrue();
        assertThat(sangzhi.contains(RegionCode.of("4308"))).isFalse();
        assertThat(sangzhi.contains(RegionCode.of("430821"))).isFalse();
        assertThat(RegionCode.HUNAN.contains(RegionCode.of("433124108"))).isTrue();
        assertThat(RegionCode.of("44").contains(RegionCode.of("433124108"))).isFalse();
    }

    @Test
    void the_official_form_pads_higher_levels_to_six_digits() {
        assertThat(RegionCode.of("43").official()).isEqualTo("430000");
        assertThat(RegionCode.of("4308").official()).isEqualTo("430800");
        assertThat(RegionCode.of("430822207").official()).isEqualTo("430822207");
        assertThat(RegionCode.of("4308").likePattern()).isEqualTo("4308%");
    }

    @Test
    void children_have_the_next_levels_code_length() {
        assertThat(RegionCode.of("43").childCodeLength()).isEqualTo(4);
        assertThat(RegionCode.of("4308").childCodeLength()).isEqualTo(6);
        assertThat(RegionCode.of("430822").childCodeLength()).isEqualTo(9);
        assertThat(RegionCode.of("430822207").childCodeLength()).isEqualTo(12);
        assertThat(RegionCode.of("430822207201").childCodeLength()).isEqualTo(12);
    }
}
