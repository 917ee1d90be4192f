package cn.lianluo.station.domain;

import cn.lianluo.common.data.SeedRows;
import cn.lianluo.station.domain.RegionFile.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionFileTest {

    static final String HEADER = RegionFile.HEADER + "\n";

    @Test
    void the_shipped_hunan_tree_reads_whole_parents_first() {
        RegionFile.Parsed parsed = RegionFile.parse(SeedRows.resourceText("reference/regions/43-hunan.csv"));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(2157);
        assertThat(parsed.rows().get(0).code().value()).isEqualTo("43");
        assertThat(parsed.rows().stream().filter(r -> r.code().value().length() == 9)).hasSize(2008);
        assertThat(parsed.rows()).anySatisfy(r -> {
            assertThat(r.code().value()).isEqualTo("430822207");
            assertThat(r.name()).isEqualTo("刘家坪白族乡");
        });
    }

    @Test
    void official_forms_a_bom_crlf_and_any_case_of_level_read() {
        RegionFile.Parsed parsed = RegionFile.parse("\uFEFF" + RegionFile.HEADER + "\r\n440000,广东省,PROVINCE,\r\n440100, 广州市 ,city,440000\r\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(r -> r.code().value()).containsExactly("44", "4401");
        assertThat(parsed.rows().get(1).name()).isEqualTo("广州市");
    }

    @Test
    void each_bad_line_is_named_with_its_column() {
        RegionFile.Parsed parsed = RegionFile.parse(HEADER
                + "44x,广东省,province,\n"          // 2: bad code
                + "4401,广州市,county,44\n"         // 3: level not the code's
                + "440103,荔湾区,county,4402\n"     // 4: not its parent
                + "440104,,county,4401\n"          // 5: no name
                + "440105,海珠区,district,4401\n"   // 6: unknown level
                + "440106,天河区,county\n"          // 7: three columns
                + "44,广东省,province,43\n"         // 8: a province with a parent
                + "440103001,沙面街道,township,440103\n"
                + "440103001,沙面街道,township,440103\n"); // 10: twice
        assertThat(parsed.problems()).extracting(Problem::line, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "code"), org.assertj.core.groups.Tuple.tuple(3, "level"),
                org.assertj.core.groups.Tuple.tuple(4, "parent_code"), org.assertj.core.groups.Tuple.tuple(5, "name"),
                org.assertj.core.groups.Tuple.tuple(6, "level"), org.assertj.core.groups.Tuple.tuple(7, "line"),
                org.assertj.core.groups.Tuple.tuple(8, "parent_code"), org.assertj.core.groups.Tuple.tuple(10, "code"));
        assertThat(parsed.problems().get(1).message()).contains("a city, not a county");
        assertThat(parsed.rows()).extracting(r -> r.code().value()).containsExactly("440103001");
    }

    @Test
    void a_file_without_the_header_is_refused_at_line_one() {
        assertThat(RegionFile.parse("44,广东省,province,\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo("header"));
        assertThat(RegionFile.parse("").problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }
}
