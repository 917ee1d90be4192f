package cn.lianluo.gateway.dossier;

import cn.lianluo.common.security.Roles;
import cn.lianluo.gateway.clients.Services;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * 一人一档: one document of a deputy — profile, mandates, station assignments and groups (deputy-service), the year's
 * points with the ledger, which also lists the station entries, activities and votes behind them (scoring-service),
 * the cases received and the suggestions made (case-service). Scope is the services': a deputy gets their own,
 * supervisors those in their region.
 */
@Path("/api/v1/deputies")
@Produces(MediaType.APPLICATION_JSON)
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
    public ObjectNode dossier(@PathParam("id") UUID id, @QueryParam("year") Integer year,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        JsonNode base = services.dossier(id.toString(), authorization);
        ObjectNode out = mapper.createObjectNode();
        out.set("profile", base.path("profile"));
        out.set("mandates", base.path("mandates"));
        out.set("assignments", base.path("assignments"));
        out.set("groups", base.path("groups"));
        out.put("year", y);
        ArrayNode degraded = mapper.createArrayNode();
        JsonNode points = services.deputyPoints(id.toString(), y, authorization);
        if (points == null) {
            degraded.add("scoring-service");
            out.putNull("points");
        } else {
            ObjectNode p = out.putObject("points");
            p.set("total", points.path("total"));
            p.set("byType", points.path("byType"));
            p.set("grade", points.path("grade"));
            p.set("ledger", points.path("ledger"));
            out.set("stationEntries", filter(points.path("ledger"), "STATION_ENTRY"));
            out.set("activities", filter(points.path("ledger"), "ACTIVITY_"));
            out.set("votes", filter(points.path("ledger"), "VOTE_CAST"));
            out.set("stationEntryCount", points.path("stationEntries"));
        }
        JsonNode cases = services.casesOfDeputy(id.toString(), authorization);
        JsonNode suggestions = services.suggestionsOfDeputy(id.toString(), authorization);
        if (cases == null || suggestions == null) {
            degraded.add("case-service");
        }
        out.set("cases", cases == null ? mapper.nullNode() : cases.path("items"));
        out.set("suggestions", suggestions == null ? mapper.nullNode() : suggestions.path("items"));
        out.set("degraded", degraded);
        return out;
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
