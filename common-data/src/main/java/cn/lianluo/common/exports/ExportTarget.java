package cn.lianluo.common.exports;

import cn.lianluo.common.region.RegionCode;

/**
 * What one export job writes: its kind, the region (already checked against the requester's scope), the year (for a
 * kind that has one, else null) and the format ({@code csv} or {@code xlsx}).
 */
public record ExportTarget(String kind, RegionCode region, Integer year, String format) {
}
