package cn.lianluo.gateway.dossier;

import cn.lianluo.common.security.Roles;
import cn.lianluo.common.time.Zones;
import cn.lianluo.gateway.clients.Services;
import cn.lianluo.gateway.overview.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 一人一档: one document of a deputy — profile, mandates, station assignments and groups (deputy-service), the year's
 * points with the ledger, which also lists the station entries, activities and votes behind them (scoring-service),
 * the cases received and the suggestions made (case-service), the reports to the voters with their assessments
 * (述职评议, station-service). Scope is the services': a deputy gets their own,
 * supervisors those in their region.
 */
@Path("/api/v1/deputies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deputies")
public class DossierResource {

    private final Services services;
    private final ObjectMapper mapper;

    public DossierResource(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    @GET
    @Path("/{id}/dossier")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getDeputyDossier", summary = "一人一档 the deputy's dossier",
            description = "Profile, mandates, assignments, groups, the year's points and ledger with the station entries, "
                    + "activities and votes behind them, cases received, suggestions, reports to the voters (述职评议) with "
                    + "their assessments; `degraded` names a service that did "
                    + "not answer (its parts are null). A deputy reads their own; staff and supervisors those of their region.",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\",\"SUPERVISOR\",\"STATION_STAFF\",\"DEPUTY\"]", parseValue = true))
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no deputy has this id")
    public Dossier dossier(@Parameter(description = "the deputy's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                           @PathParam("id") UUID id,
                           @Parameter(description = "year (default: this year)") @QueryParam("year") Integer year,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        int y = year == null ? LocalDate.now(Zones.CHINA).getYear() : year;
        JsonNode base = services.dossier(id.toString(), authorization);
        List<Service> degraded = new ArrayList<>();
        JsonNode points = services.deputyPoints(id.toString(), y, authorization);
        if (points == null) {
            degraded.add(Service.SCORING);
        }
        JsonNode ledger = points == null ? null : points.path("ledger");
        JsonNode cases = services.casesOfDeputy(id.toString(), authorization);
        JsonNode suggestions = services.suggestionsOfDeputy(id.toString(), authorization);
        if (cases == null || suggestions == null) {
            degraded.add(Service.CASES);
        }
        JsonNode reports = services.reportsOfDeputy(id.toString(), y, authorization);
        if (reports == null) {
            degraded.add(Service.STATION);
        }
        return new Dossier(base.path("profile"), base.path("mandates"), base.path("assignments"), base.path("groups"), y,
                points == null ? null : new Dossier.Points(points.path("total").asInt(), points.path("byType"),
                        points.path("grade"), ledger),
                ledger == null ? null : filter(ledger, "STATION_ENTRY"),
                ledger == null ? null : filter(ledger, "ACTIVITY_"),
                ledger == null ? null : filter(ledger, "VOTE_CAST"),
                points == null ? null : points.path("stationEntries").asLong(),
                cases == null ? null : cases.path("items"),
                suggestions == null ? null : suggestions.path("items"),
                reports == null ? null : reports.path("items"),
                List.copyOf(degraded));
    }

    private ArrayNode filter(JsonNode ledger, String factTypePrefix) {
        ArrayNode out = mapper.createArrayNode();
        ledger.forEach(e -> {
            if ("AWARD".equals(e.path("kind").asText()) && e.path("factType").asText("").startsWith(factTypePrefix)) {
                out.add(e);
            }
        });
        return out;
    }
}
