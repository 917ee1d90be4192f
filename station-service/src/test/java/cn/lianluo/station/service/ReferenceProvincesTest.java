package cn.lianluo.station.service;

import cn.lianluo.station.config.ReferenceConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which shipped region trees load at start-up (lianluo.reference.provinces). */
class ReferenceProvincesTest {

    static RegionTrees trees(String... provinces) {
        ReferenceConfig config = new ReferenceConfig() {
            @Override
            public List<String> provinces() {
                return List.of(provinces);
            }

            @Override
            public int importMaxRows() {
                return 50000;
            }
        };
        return new RegionTrees(config, null, null, null);
    }

    @Test
    void hunan_loads_by_its_code_and_none_loads_nothing() {
        assertThat(trees("43").provinces()).containsExactly("43");
        assertThat(trees(" 43 ").provinces()).containsExactly("43");
        assertThat(trees("none").provinces()).isEmpty();
    }

    @Test
    void a_province_this_build_does_not_ship_stops_the_start_naming_the_import() {
        assertThatThrownBy(() -> trees("43", "44").provinces()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("44").hasMessageContaining("POST /api/v1/regions/import");
    }
}
