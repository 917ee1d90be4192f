package cn.lianluo.common.exports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An export job as its requester reads it: its state and progress, and when its file goes. */
@Schema(name = "ExportJob", description = "An export job 导出任务")
public record ExportJob(
        @Schema(description = "The job's id, its kind first (deputy-roll-…, points-…)", required = true) String id,
        @Schema(required = true, enumeration = {"deputy-roll", "points"}) String kind,
        @Schema(description = "Region code 行政区划代码", required = true) String region,
        @Schema(nullable = true, description = "Year 年度 (points only)") Integer year,
        @Schema(required = true, enumeration = {"csv", "xlsx"}) String format,
        @Schema(required = true) ExportStatus status,
        @Schema(description = "Rows written so far 已写行数", required = true) long rowsWritten,
        @Schema(nullable = true, description = "Rows the export will have, counted when it starts 总行数") Long rowsTotal,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "When it ended 完成时间") Instant finishedAt,
        @Schema(description = "When the job and its file are deleted 过期时间", required = true) Instant expiresAt,
        @Schema(nullable = true, description = "Why it failed 失败原因 (FAILED only)") String error) {
}
