package cn.lianluo.gateway.overview;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.common.time.Zones;
import cn.lianluo.gateway.clients.Services;
import cn.lianluo.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The dashboard of a region (DESIGN §9): stations, deputies, cases, suggestions, livelihood projects and top deputies,
 * and the same for each child region so a front end drills down — assembled from the services in parallel. What does
 * not answer within the time budget is named in {@code degraded}; the rest is still served.
 */
@Path("/api/v1/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "overview")
public class OverviewResource {

    private final Services services;
    private final ManagedExecutor executor;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final Caller caller;

    private final Cache overviews;

    public OverviewResource(Services services, ManagedExecutor executor, GatewayConfig config, ObjectMapper mapper, Caller caller,
                            @CacheName("overview") Cache overviews) {
        this.overviews = overviews;
        this.services = services;
        this.executor = executor;
        this.config = config;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Path("/{regionCode}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getOverview", summary = "The dashboard 总览",
            description = "Stations by type and 六有, deputies by level and 全员入站 with the required station entries, cases, "
                    + "suggestions, projects, top deputies, and the same per child region; `degraded` names what did not "
                    + "answer in time; `calendarAlerts` says when next year's holiday arrangement is missing (from 1 November). "
                    + "The figures may be up to 30 s old (a complete answer is kept that long).",
            extensions = @Extension(name = "x-roles", value = "[\"ADMIN\",\"SUPERVISOR\",\"STATION_STAFF\"]", parseValue = true))
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no region has this code")
    public Overview overview(@Parameter(description = "行政区划代码 region code (43, 4331, 433124, 433124108…)", example = "433124")
                             @PathParam("regionCode") String regionCode,
                             @Parameter(description = "year (default: this year)") @QueryParam("year") Integer year,
                             @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        RegionCode region = RegionCodes.field("regionCode", regionCode);
        caller.requireWithin(region);
        int y = year == null ? LocalDate.now(Zones.CHINA).getYear() : year;
        // a dashboard may be a little old (quarkus.cache.caffeine."overview".expire-after-write, 30 s): a province's
        // figures take the services seconds to add up, and many offices look at the same ones. A degraded answer is
        // never kept. The scope was checked above; the figures of a region are the same for everyone who may see it.
        // Requests for the same region and year while it is being added up wait for that one computation.
        try {
            return (Overview) overviews.get(region.value() + ":" + y, key -> {
                Overview fresh = assembleNow(region, y, authorization);
                if (!fresh.complete()) {
                    throw new Degraded(fresh);
                }
                return fresh;
            }).await().indefinitely();
        } catch (Degraded d) {
            return d.answer;
        }
    }

    /** An overview some service did not answer in time for: given to the callers waiting for it, never kept. */
    private static final class Degraded extends RuntimeException {
        final transient Overview answer;

        Degraded(Overview answer) {
            super("degraded overview", null, false, false);
            this.answer = answer;
        }
    }

    private Overview assembleNow(RegionCode region, int y, String authorization) {
        String code = region.value();

        Map<String, CompletableFuture<JsonNode>> calls = new LinkedHashMap<>();
        calls.put("station-service:regions", call(() -> services.region(code)));
        calls.put("station-service", call(() -> services.stationStatistics(code)));
        calls.put("deputy-service", call(() -> services.deputyStatistics(code, authorization)));
        calls.put("case-service", call(() -> services.caseStatistics(code, y, authorization)));
        calls.put("case-service:suggestions", call(() -> services.suggestionStatistics(code, authorization)));
        calls.put("case-service:projects", call(() -> services.projectStatistics(code, y, authorization)));
        calls.put("scoring-service", call(() -> services.pointsStatistics(code, y, authorization)));

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<Service> degraded = new ArrayList<>();
        long deadline = System.nanoTime() + config.overviewBudget().toNanos();
        for (var entry : calls.entrySet()) {
            JsonNode answer = null;
            try {
                answer = entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebApplicationException w && w.getResponse().getStatus() == 404
                        && entry.getKey().equals("station-service:regions")) {
                    throw cn.lianluo.common.problem.ProblemException.notFound("region", code);
                }
            } catch (TimeoutException | InterruptedException e) {
                entry.getValue().cancel(true);
            }
            if (answer == null) {
                Service service = Service.named(entry.getKey().split(":")[0]);
                if (!degraded.contains(service)) {
                    degraded.add(service);
                }
            }
            answers.put(entry.getKey(), answer);
        }
        return assemble(region, y, answers, degraded);
    }

    private CompletableFuture<JsonNode> call(Supplier<JsonNode> supplier) {
        return executor.supplyAsync(supplier);
    }

    private Overview assemble(RegionCode region, int year, Map<String, JsonNode> a, List<Service> degraded) {
        JsonNode regionNode = a.get("station-service:regions");
        JsonNode stations = a.get("station-service");
        JsonNode deputies = a.get("deputy-service");
        JsonNode cases = a.get("case-service");
        JsonNode points = a.get("scoring-service");
        JsonNode suggestions = a.get("case-service:suggestions");
        JsonNode projects = a.get("case-service:projects");

        Map<String, String> names = new LinkedHashMap<>();
        TreeSet<String> codes = new TreeSet<>();
        if (regionNode != null) {
            regionNode.path("children").forEach(c -> {
                names.put(c.path("code").asText(), c.path("name").asText());
                codes.add(c.path("code").asText());
            });
        }
        for (JsonNode source : new JsonNode[] {stations, deputies, cases}) {
            if (source != null) {
                source.path("children").forEach(c -> codes.add(c.path("regionCode").asText()));
            }
        }
        List<Overview.Child> children = new ArrayList<>();
        for (String code : codes) {
            children.add(new Overview.Child(code, names.get(code), RegionCode.of(code).level(),
                    stationFigures(childOf(stations, code)),
                    deputyFigures(childOf(deputies, code), childOf(points, code)),
                    cases == null ? null : orZeros(code, childOf(cases, code))));
        }
        return new Overview(region.value(), regionNode == null ? null : regionNode.path("name").asText(null),
                region.level(), year,
                stationFigures(stations == null ? null : stations.path("total")),
                deputyFigures(deputies == null ? null : deputies.path("total"), points == null ? null : points.path("total")),
                cases == null ? null : cases.path("total"),
                suggestions == null ? null : suggestions.path("total"),
                projects == null ? null : projects.path("total"),
                points == null ? mapper.createArrayNode() : points.path("top"),
                List.copyOf(children), List.copyOf(degraded),
                cases == null || !cases.path("calendarAlerts").isArray() ? mapper.createArrayNode() : cases.path("calendarAlerts"));
    }

    private Overview.Stations stationFigures(JsonNode figures) {
        return new Overview.Stations(figures == null ? 0 : figures.path("total").asLong(),
                figures == null || figures.path("byType").isMissingNode() ? mapper.createObjectNode() : figures.path("byType"),
                figures == null ? 0 : figures.path("standardMet").asLong());
    }

    private Overview.Deputies deputyFigures(JsonNode figures, JsonNode entries) {
        return new Overview.Deputies(figures == null ? 0 : figures.path("total").asLong(),
                figures == null || figures.path("byLevel").isMissingNode() ? mapper.createObjectNode() : figures.path("byLevel"),
                figures == null ? 0 : figures.path("assigned").asLong(),
                entries == null ? 0 : entries.path("withRequiredEntries").asLong());
    }

    /** A child region without cases: case-service's figures of it, all zero, with every key case-service writes. */
    private JsonNode orZeros(String code, JsonNode figures) {
        if (figures != null) {
            return figures;
        }
        ObjectNode zero = mapper.createObjectNode();
        zero.put("regionCode", code);
        zero.put("received", 0);
        zero.putObject("byChannel");
        zero.putObject("byCategory");
        for (String field : List.of("closed", "answeredOnTheSpot", "closedOnTime", "overdueNow", "warningsNow", "rated", "satisfied",
                "merged")) {
            zero.put(field, 0);
        }
        zero.putNull("satisfactionRate");
        zero.putNull("averageWorkingDaysToClose");
        return zero;
    }

    private static JsonNode childOf(JsonNode statistics, String code) {
        if (statistics == null) {
            return null;
        }
        for (JsonNode child : statistics.path("children")) {
            if (code.equals(child.path("regionCode").asText())) {
                return child;
            }
        }
        return null;
    }
}
