package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.deputy.service.RollColumn;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class RollImportIT {

    static final String SUPERVISOR = TestTokens.bearer("SUPERVISOR", "431129");
    static final String HEADER = String.join(",", RollColumn.headers());

    @Inject
    EntityManager em;

    static String row(String name, String ethnicity, String level, String station) {
        return name + ",女," + ethnicity + ",1979,中共党员,农民,界牌乡第2村选区,431129200,13900009999," + level
                + ",18,2021/12/1,," + (station == null ? "" : station);
    }

    long deputies() {
        return Stations.count(em, "SELECT count(*) FROM deputy");
    }

    @Test
    void a_utf8_csv_imports_every_row_and_a_second_mandate_joins_the_same_person() {
        UUID station = Stations.announce(em, "界牌乡导入测试站", "431129200");
        String csv = HEADER + "\n" + row("导入甲", "瑶族", "乡", station.toString()) + "\n"
                + row("导入甲", "瑶族", "县", "") + "\n" + row("导入乙", "瑶", "乡(镇)人大代表", station.toString()) + "\n";
        given().header("Authorization", SUPERVISOR).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/deputies/import")
                .then().statusCode(200)
                .body("rows", equalTo(3))
                .body("deputiesCreated", equalTo(2))
                .body("mandatesAdded", equalTo(1))
                .body("stationsAssigned", equalTo(2));
        given().header("Authorization", SUPERVISOR).queryParam("q", "导入甲").when().get("/api/v1/deputies")
                .then().body("items[0].levels", hasItems("TOWNSHIP", "COUNTY"))
                .body("items[0].homeStationId", equalTo(station.toString()));
    }

    @Test
    void a_gbk_csv_as_chinese_excel_writes_it_imports_too() {
        String csv = HEADER + "\r\n" + row("导入丙", "汉族", "乡", null) + "\r\n";
        given().header("Authorization", SUPERVISOR).contentType("text/csv")
                .body(csv.getBytes(Charset.forName("GBK")))
                .when().post("/api/v1/deputies/import")
                .then().statusCode(200).body("deputiesCreated", equalTo(1));
        given().header("Authorization", SUPERVISOR).queryParam("q", "导入丙").when().get("/api/v1/deputies")
                .then().body("items[0].ethnicity", equalTo("汉族"));
    }

    @Test
    void an_xlsx_roll_imports() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("名册");
            var header = sheet.createRow(0);
            List<String> headers = RollColumn.headers();
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            var r = sheet.createRow(1);
            String[] cells = row("导入丁", "瑶族", "乡", null).split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                if (i == 3) {
                    r.createCell(i).setCellValue(1979); // a number cell, as Excel stores a year
                } else {
                    r.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        given().header("Authorization", SUPERVISOR)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .when().post("/api/v1/deputies/import")
                .then().statusCode(200).body("deputiesCreated", equalTo(1));
    }

    @Test
    void a_bad_file_is_rejected_whole_with_each_bad_row_and_column_named() {
        long before = deputies();
        String csv = HEADER + "\n" + row("导入好人", "瑶族", "乡", null) + "\n" + row("导入精灵", "精灵族", "乡", null) + "\n"
                + row("=HYPERLINK(\"http://x\")", "瑶族", "乡", null) + "\n"
                + row("导入越界", "瑶族", "乡", null).replace("431129200", "433124108") + "\n"
                + row("导入怪层", "瑶族", "村", null) + "\n";
        given().header("Authorization", SUPERVISOR).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/deputies/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/import-rejected"))
                .body("errors.field", hasItems("row 3: 民族", "row 4: 姓名", "row 5: 行政区划代码", "row 6: 代表层级"));
        assertThat(deputies()).isEqualTo(before);

        given().header("Authorization", SUPERVISOR).contentType("text/csv")
                .body("名字,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/deputies/import")
                .then().statusCode(422).body("type", equalTo("https://lianluo.cn/problems/import-header"));

        given().header("Authorization", SUPERVISOR).contentType("text/csv")
                .body(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0x41, 0, (byte) 0x80})
                .when().post("/api/v1/deputies/import")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));

        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 501; i++) {
            many.append(row("导入大量" + i, "瑶族", "乡", null)).append('\n');
        }
        given().header("Authorization", SUPERVISOR).contentType("text/csv").body(many.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/deputies/import")
                .then().statusCode(413).body("type", equalTo("https://lianluo.cn/problems/too-many-rows"));

        given().header("Authorization", SUPERVISOR)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body("not a zip".getBytes())
                .when().post("/api/v1/deputies/import")
                .then().statusCode(400);
        assertThat(deputies()).isEqualTo(before);
    }

    @Test
    void the_roll_exports_as_csv_and_xlsx_that_import_recognises() {
        byte[] csv = given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430903")).queryParam("region", "430903105")
                .when().get("/api/v1/deputies/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"deputies-430903105.csv\"")
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF姓名,性别,民族");
        assertThat(text.lines().count()).isEqualTo(1 + 80 + 12); // 12 of the 80 also hold a county mandate
        byte[] xlsx = given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430903")).queryParam("region", "430903105")
                .queryParam("format", "xlsx")
                .when().get("/api/v1/deputies/export")
                .then().statusCode(200).extract().asByteArray();
        assertThat(cn.lianluo.deputy.service.RollFiles.read(xlsx,
                cn.lianluo.deputy.service.RollFiles.XLSX, null, 1000)).hasSize(92);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430903")).when().get("/api/v1/deputies/export")
                .then().statusCode(403);
        // a format it does not write is refused before a byte of the file goes out
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430903")).queryParam("format", "pdf")
                .when().get("/api/v1/deputies/export")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    }
}
