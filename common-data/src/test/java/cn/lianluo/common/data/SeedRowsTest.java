package cn.lianluo.common.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedRowsTest {

    @TempDir
    Path dir;

    @Test
    void a_csv_gives_its_rows_without_the_header_comments_blank_lines_or_a_bom() throws Exception {
        Path file = dir.resolve("calendar.csv");
        Files.writeString(file, "\uFEFF# 2026年 调休\ndate,working,name\n2026-10-01,false,国庆节\n\n# 补班\n2026-10-11,true,\n",
                StandardCharsets.UTF_8);

        var rows = SeedRows.csv(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("2026-10-01", "false", "国庆节");
        assertThat(rows.get(1)).containsExactly("2026-10-11", "true", "");
    }

    @Test
    void a_missing_file_is_named_in_the_error() {
        assertThatThrownBy(() -> SeedRows.csv(dir.resolve("absent.csv")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.csv");
    }
}
