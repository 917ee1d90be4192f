package cn.lianluo.scoring.service;

import cn.lianluo.scoring.service.PointsDtos.Standing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TableFilesTest {

    @Test
    void a_name_that_starts_a_formula_is_exported_as_quoted_text_and_a_negative_total_stays_a_number() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        String csv = new String(TableFiles.csv(List.of(new Standing(1, id, "-1+cmd|' /C calc'!A0", "433124", -3, "\tC"))),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList().get(1))
                .isEqualTo("1," + id + ",\"'-1+cmd|' /C calc'!A0\",433124,-3,\"'\tC\"");
    }
}
