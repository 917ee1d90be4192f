package cn.lianluo.scoring.service;

import cn.lianluo.common.files.TableWriter;
import cn.lianluo.scoring.service.PointsDtos.Standing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** A region's points table as a file for the office (名次, 代表, 行政区划, 积分, 等次). */
public final class TableFiles {

    public static final String XLSX = TableWriter.XLSX;
    /** The .xlsx sheet's name. */
    public static final String SHEET = "履职积分";
    static final List<String> HEADER = List.of("名次", "代表ID", "姓名", "行政区划代码", "积分", "等次");

    private TableFiles() {
    }

    /** One standing as its row: 名次 and 积分 numbers, the rest text (neutralised in CSV: a name cannot run). */
    static void row(TableWriter table, Standing s) {
        table.row(Arrays.asList(s.rank(), s.deputyId().toString(), s.name(), s.regionCode(), s.total(),
                s.grade() == null ? "" : s.grade()));
    }

    /** The header and {@code standings} as CSV in memory, as the export streams them. */
    public static byte[] csv(List<Standing> standings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.csv(out)) {
            table.row(HEADER);
            standings.forEach(s -> row(table, s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
