package cn.lianluo.common.exports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for an export job (导出任务): what to export, of which region and year, in which format. */
@Schema(name = "ExportRequest", description = "An export to run as a job 导出任务申请")
public record ExportRequest(
        @Schema(description = "deputy-roll (代表名册, deputy-service) or points (积分表, scoring-service)",
                enumeration = {"deputy-roll", "points"}, required = true) String kind,
        @Schema(description = "Region code 行政区划代码; the caller's own region when absent") String region,
        @Schema(description = "The points table's year 年度 (points only; this year when absent)") Integer year,
        @Schema(description = "csv or xlsx", enumeration = {"csv", "xlsx"}, defaultValue = "csv") String format) {
}
