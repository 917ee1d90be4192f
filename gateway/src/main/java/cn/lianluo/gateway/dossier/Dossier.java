package cn.lianluo.gateway.dossier;

import cn.lianluo.gateway.overview.Overview;
import cn.lianluo.gateway.overview.Service;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * 一人一档 as the gateway serves it. Its parts are the services' own objects, passed through as they come (the
 * profile, mandates, assignments and groups of deputy-service, whose own dossier part is not in the document; the points and ledger entries of scoring-service; the
 * cases and suggestions of case-service), so their schemas are the services' ({@code $ref}, resolved in the merged
 * document); the gateway adds the year, the ledger entries sorted by what they count, and {@code degraded}.
 */
@Schema(name = "DeputyDossier", description = "一人一档: one document of a deputy")
public record Dossier(
        @Schema(ref = "DeputyView") JsonNode profile,
        @Schema(ref = "#/components/schemas/DeputyView/properties/mandates") JsonNode mandates,
        @Schema(ref = "#/components/schemas/DeputyView/properties/stations",
                description = "the deputy's station assignments (进站), the open ones and those ended") JsonNode assignments,
        @Schema(type = SchemaType.ARRAY, implementation = Group.class,
                description = "the groups (代表小组, 特色小组, 代表+专家团队) the deputy is or was a member of") JsonNode groups,
        int year,
        @Schema(nullable = true, description = "null when scoring-service did not answer") Points points,
        @Schema(ref = LEDGER, extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "the year's awards for station entries (进站); null when scoring-service did not answer")
        JsonNode stationEntries,
        @Schema(ref = LEDGER, extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "the year's awards for activities; null when scoring-service did not answer")
        JsonNode activities,
        @Schema(ref = LEDGER, extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "the year's awards for votes cast; null when scoring-service did not answer")
        JsonNode votes,
        @Schema(nullable = true, description = "the year's station entries, each deputy, station and day once; null when "
                + "scoring-service did not answer") Long stationEntryCount,
        @Schema(ref = "#/components/schemas/PageCaseSummary/properties/items",
                extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "the cases the deputy received (up to 200); null when case-service did not answer")
        JsonNode cases,
        @Schema(ref = "#/components/schemas/PageSuggestionView/properties/items",
                extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "the suggestions the deputy made (up to 200); null when case-service did not answer")
        JsonNode suggestions,
        @Schema(ref = "#/components/schemas/DeputyReports/properties/items",
                extensions = @Extension(name = Overview.NULLABLE, value = "true", parseValue = true),
                description = "述职评议: the year's reports to the voters, each with how many voters were 满意, 基本满意 and "
                        + "不满意 and the satisfaction rate; null when station-service did not answer")
        JsonNode reports,
        @Schema(description = "the services that did not answer (scoring-service, case-service, station-service); their "
                + "parts are null")
        List<Service> degraded) {

    static final String LEDGER = "#/components/schemas/DeputyPoints/properties/ledger";

    /**
     * A group membership as deputy-service's dossier part writes it (its {@code GroupMembership}, which no other
     * answer holds, so its schema is described here; the whole-suite tests check answers against it).
     */
    @Schema(name = "DeputyGroupMembership")
    public record Group(@Schema(format = "uuid") String groupId, String name, @Schema(ref = "GroupKind") String kind,
                        String kindName, @Schema(format = "date") String joinedOn,
                        @Schema(nullable = true, format = "date", description = "null while a member") String leftOn) {
    }

    @Schema(name = "DeputyDossierPoints", description = "履职积分 of the year, as scoring-service counts them")
    public record Points(
            int total,
            @Schema(ref = "#/components/schemas/DeputyPoints/properties/byType") JsonNode byType,
            @Schema(ref = "#/components/schemas/DeputyPoints/properties/grade") JsonNode grade,
            @Schema(ref = LEDGER) JsonNode ledger) {
    }
}
