package cn.lianluo.gateway.overview;

import cn.lianluo.common.region.RegionLevel;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The dashboard of a region as the gateway serves it. The gateway shapes the stations and deputies figures itself;
 * the figures of cases, suggestions, projects and the top deputies are the services' own objects, passed through as
 * they come, so their schemas are the services' ({@code $ref}, resolved in the merged document).
 */
@Schema(name = "Overview", description = "区域总览: a region's figures and the same for each child region")
public record Overview(
        String regionCode,
        @Schema(nullable = true, description = "the region's name; null when station-service did not answer") String name,
        @Schema(ref = "RegionLevel") RegionLevel level,
        int year,
        Stations stations,
        Deputies deputies,
        @Schema(ref = "CaseFigures", extensions = @Extension(name = NULLABLE, value = "true", parseValue = true),
                description = "the cases of the year; null when case-service did not answer")
        JsonNode cases,
        @Schema(ref = "SuggestionFigures", extensions = @Extension(name = NULLABLE, value = "true", parseValue = true),
                description = "the suggestions; null when case-service did not answer")
        JsonNode suggestions,
        @Schema(ref = "ProjectFigures", extensions = @Extension(name = NULLABLE, value = "true", parseValue = true),
                description = "the livelihood projects of the year; null when case-service did not answer")
        JsonNode projects,
        @Schema(ref = "#/components/schemas/PointsStatistics/properties/top",
                description = "the five deputies with the most points; empty when scoring-service did not answer")
        JsonNode topDeputies,
        @Schema(description = "each child region that has stations, deputies or cases, or is a child in the region tree, by code")
        List<Child> children,
        @Schema(description = "the services that did not answer in time (station-service, deputy-service, case-service, "
                + "scoring-service); their figures are zeros, null or empty")
        List<Service> degraded,
        @Schema(ref = "#/components/schemas/CaseStatistics/properties/calendarAlerts",
                description = "日历提醒: the years whose official holiday arrangement is missing (next year's from 1 November), "
                        + "with a message to show; empty most of the year, and when case-service did not answer")
        JsonNode calendarAlerts) {

    /**
     * Marks a {@code $ref} that may also be null: SmallRye writes a nullable reference only for a Java type it
     * describes itself, so tools/contract/merge.mjs turns {@code {$ref, x-nullable: true}} into
     * {@code anyOf: [{$ref}, {type: null}]}.
     */
    public static final String NULLABLE = "x-nullable";

    /** An answer with nothing degraded may be kept for a while and shared. */
    boolean complete() {
        return degraded.isEmpty();
    }

    @Schema(name = "OverviewStations", description = "联络站: how many, by type, how many meet the 六有 standard")
    public record Stations(
            long total,
            @Schema(ref = "#/components/schemas/StationFigures/properties/byType") JsonNode byType,
            long standardMet) {
    }

    @Schema(name = "OverviewDeputies", description = "代表: active deputies, by level, how many sit in a station (全员入站), and how "
            + "many have the station entries the region's rule requires this year")
    public record Deputies(
            long total,
            @Schema(ref = "#/components/schemas/DeputyFigures/properties/byLevel") JsonNode byLevel,
            long assigned,
            long withRequiredEntries) {
    }

    @Schema(name = "OverviewChild", description = "A child region's figures, so a front end drills down")
    public record Child(
            String regionCode,
            @Schema(nullable = true, description = "null when the region tree does not list this child (or station-service "
                    + "did not answer)") String name,
            @Schema(ref = "RegionLevel") RegionLevel level,
            Stations stations,
            Deputies deputies,
            @Schema(ref = "CaseFigures", extensions = @Extension(name = NULLABLE, value = "true", parseValue = true),
                    description = "null when case-service did not answer")
            JsonNode cases) {
    }
}
