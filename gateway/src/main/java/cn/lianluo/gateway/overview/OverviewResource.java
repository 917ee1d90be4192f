package cn.lianluo.gateway.overview;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.gateway.clients.Services;
import cn.lianluo.gateway.config.GatewayConfig;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.LocalDate;
import java.time.ZoneId;
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
    public ObjectNode overview(@PathParam("regionCode") String regionCode, @QueryParam("year") Integer year,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        RegionCode region = RegionCodes.field("regionCode", regionCode);
        caller.requireWithin(region);
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        // a dashboard may be a little old (quarkus.cache.caffeine."overview".expire-after-write, 30 s): a province's
        // figures take the services seconds to add up, and many offices look at the same ones. A degraded answer is
        // never kept. The scope was checked above; the figures of a region are the same for everyone who may see it.
        // Requests for the same region and year while it is being added up wait for that one computation.
        try {
            ObjectNode shared = (ObjectNode) overviews.get(region.value() + ":" + y, key -> {
                ObjectNode fresh = assembleNow(region, y, authorization);
                if (!fresh.path("degraded").isEmpty()) {
                    throw new Degraded(fresh);
                }
                return fresh;
            }).await().indefinitely();
            return shared.deepCopy();
        } catch (Degraded d) {
            return d.answer.deepCopy();
        }
    }

    /** An overview some service did not answer in time for: given to the callers waiting for it, never kept. */
    private static final class Degraded extends RuntimeException {
        final transient ObjectNode answer;

        Degraded(ObjectNode answer) {
            super("degraded overview", null, false, false);
            this.answer = answer;
        }
    }

    private ObjectNode assembleNow(RegionCode region, int y, String authorization) {
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
        List<String> degraded = new ArrayList<>();
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
                String service = entry.getKey().split(":")[0];
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

    private ObjectNode assemble(RegionCode region, int year, Map<String, JsonNode> a, List<String> degraded) {
        JsonNode regionNode = a.get("station-service:regions");
        JsonNode stations = a.get("station-service");
        JsonNode deputies = a.get("deputy-service");
        JsonNode cases = a.get("case-service");
        JsonNode points = a.get("scoring-service");

        ObjectNode out = mapper.createObjectNode();
        out.put("regionCode", region.value());
        out.put("name", regionNode == null ? null : regionNode.path("name").asText(null));
        out.put("level", region.level().name());
        out.put("year", year);
        out.set("stations", stationFigures(stations == null ? null : stations.path("total")));
        out.set("deputies", deputyFigures(deputies == null ? null : deputies.path("total"), points == null ? null : points.path("total")));
        out.set("cases", cases == null ? mapper.nullNode() : cases.path("total"));
        JsonNode suggestions = a.get("case-service:suggestions");
        JsonNode projects = a.get("case-service:projects");
        out.set("suggestions", suggestions == null ? mapper.nullNode() : suggestions.path("total"));
        out.set("projects", projects == null ? mapper.nullNode() : projects.path("total"));
        out.set("topDeputies", points == null ? mapper.createArrayNode() : points.path("top"));

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
        ArrayNode children = out.putArray("children");
        for (String code : codes) {
            ObjectNode child = children.addObject();
            child.put("regionCode", code);
            child.put("name", names.get(code));
            child.put("level", RegionCode.of(code).level().name());
            child.set("stations", stationFigures(childOf(stations, code)));
            child.set("deputies", deputyFigures(childOf(deputies, code), childOf(points, code)));
            child.set("cases", cases == null ? mapper.nullNode() : orZeros(childOf(cases, code)));
        }
        ArrayNode missing = out.putArray("degraded");
        degraded.forEach(missing::add);
        return out;
    }

    private ObjectNode stationFigures(JsonNode figures) {
        ObjectNode node = mapper.createObjectNode();
        node.put("total", figures == null ? 0 : figures.path("total").asLong());
        node.set("byType", figures == null || figures.path("byType").isMissingNode() ? mapper.createObjectNode() : figures.path("byType"));
        node.put("standardMet", figures == null ? 0 : figures.path("standardMet").asLong());
        return node;
    }

    private ObjectNode deputyFigures(JsonNode figures, JsonNode entries) {
        ObjectNode node = mapper.createObjectNode();
        node.put("total", figures == null ? 0 : figures.path("total").asLong());
        node.set("byLevel", figures == null || figures.path("byLevel").isMissingNode() ? mapper.createObjectNode() : figures.path("byLevel"));
        node.put("assigned", figures == null ? 0 : figures.path("assigned").asLong());
        node.put("withRequiredEntries", entries == null ? 0 : entries.path("withRequiredEntries").asLong());
        return node;
    }

    private JsonNode orZeros(JsonNode figures) {
        if (figures != null) {
            return figures;
        }
        ObjectNode zero = mapper.createObjectNode();
        for (String field : List.of("received", "closed", "answeredOnTheSpot", "closedOnTime", "overdueNow", "warningsNow")) {
            zero.put(field, 0);
        }
        zero.putNull("satisfactionRate");
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
