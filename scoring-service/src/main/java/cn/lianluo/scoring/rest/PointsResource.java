package cn.lianluo.scoring.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.rest.PointsDtos.Alert;
import cn.lianluo.scoring.rest.PointsDtos.AppealRequest;
import cn.lianluo.scoring.rest.PointsDtos.AppealView;
import cn.lianluo.scoring.rest.PointsDtos.Correction;
import cn.lianluo.scoring.rest.PointsDtos.Decision;
import cn.lianluo.scoring.rest.PointsDtos.DeputyPoints;
import cn.lianluo.scoring.rest.PointsDtos.Published;
import cn.lianluo.scoring.rest.PointsDtos.RuleSetBody;
import cn.lianluo.scoring.rest.PointsDtos.RuleSetView;
import cn.lianluo.scoring.rest.PointsDtos.Snapshot;
import cn.lianluo.scoring.rest.PointsDtos.SnapshotRequest;
import cn.lianluo.scoring.rest.PointsDtos.Standing;
import cn.lianluo.scoring.service.Appeals;
import cn.lianluo.scoring.service.Ledger;
import cn.lianluo.scoring.service.Rules;
import cn.lianluo.scoring.service.Standings;
import cn.lianluo.scoring.service.TableFiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 履职积分: rule sets, a deputy's points and ledger, rankings, alerts, appeals, corrections, published tables. */
@Path("/api/v1/points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {

    /** The levels of congress a ranking may be limited to. */
    public enum Level { NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP }

    private final Rules rules;
    private final Appeals appeals;
    private final Standings standings;
    private final Caller caller;

    public PointsResource(Rules rules, Appeals appeals, Standings standings, Caller caller) {
        this.rules = rules;
        this.appeals = appeals;
        this.standings = standings;
        this.caller = caller;
    }

    @GET
    @Path("/rules/{region}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public RuleSetView rules(@PathParam("region") String region, @PathParam("year") String rawYear) {
        int year = QueryParams.year("year", rawYear);
        RegionCode code = RegionCodes.field("region", region);
        return rules.effective(code, year).map(s -> rules.view(s, code))
                .orElseThrow(() -> ProblemException.notFound("rule set of " + code + " for", year));
    }

    /** Publishes the next version and recomputes the year from the stored facts. */
    @PUT
    @Path("/rules/{region}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Published publish(@PathParam("region") String region, @PathParam("year") String year,
                             @NotNull @Valid RuleSetBody body) {
        return appeals.publishRules(RegionCodes.field("region", region), QueryParams.year("year", year), body, caller);
    }

    @GET
    @Path("/deputies/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public DeputyPoints deputy(@PathParam("id") UUID id, @QueryParam("year") Integer year) {
        return standings.deputy(id, year == null ? LocalDate.now(Ledger.CHINA).getYear() : year, caller);
    }

    @GET
    @Path("/ranking")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Page<Standing> ranking(@QueryParam("region") String region, @QueryParam("year") Integer year,
                                  @QueryParam("level") String level,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Level parsed = QueryParams.enumValue("level", level, Level.class);
        return standings.ranking(caller.listScope(RegionCodes.optional("region", region)), yearOr(year),
                parsed == null ? null : parsed.name(), page, size);
    }

    /** Station-entry figures and the top deputies for the gateway's dashboard. */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Standings.Statistics statistics(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        return standings.statistics(caller.listScope(RegionCodes.optional("region", region)), yearOr(year));
    }

    /** Who is falling behind (进站不足, 积分偏低), once the flag date of the year has come. */
    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<Alert> alerts(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        int y = yearOr(year);
        LocalDate today = LocalDate.now(Ledger.CHINA);
        return standings.alerts(caller.listScope(RegionCodes.optional("region", region)), y,
                y < today.getYear() ? LocalDate.of(y, 12, 31) : today);
    }

    @POST
    @Idempotent
    @Path("/appeals")
    @RolesAllowed(Roles.DEPUTY)
    public Response appeal(@NotNull @Valid AppealRequest request) {
        return Response.status(201).entity(appeals.file(request, caller)).build();
    }

    @GET
    @Path("/appeals")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY})
    public Page<AppealView> appeals(@QueryParam("region") String region, @QueryParam("status") String status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return appeals.list(caller.listScope(RegionCodes.optional("region", region)),
                status == null ? null : status.toUpperCase(), page, size, caller);
    }

    @POST
    @Path("/appeals/{id}/grant")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public AppealView grant(@PathParam("id") UUID id, @Valid Decision decision) {
        return appeals.decide(id, true, decision, caller);
    }

    @POST
    @Path("/appeals/{id}/deny")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public AppealView deny(@PathParam("id") UUID id, @Valid Decision decision) {
        return appeals.decide(id, false, decision, caller);
    }

    /** A correction: a new entry (reversing another when named), never an edit. */
    @POST
    @Idempotent
    @Path("/corrections")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response correct(@NotNull @Valid Correction correction) {
        return Response.status(201).entity(Map.of("id", appeals.correct(correction, caller))).build();
    }

    @POST
    @Idempotent
    @Path("/snapshots")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response publishSnapshot(@NotNull @Valid SnapshotRequest request) {
        return Response.status(201).entity(standings.publish(RegionCodes.field("region", request.region()), request.year(),
                request.quarter(), caller)).build();
    }

    @GET
    @Path("/snapshots/{region}/{year}/{quarter}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Snapshot snapshot(@PathParam("region") String region, @PathParam("year") String year,
                             @PathParam("quarter") String quarter) {
        RegionCode code = RegionCodes.field("region", region);
        caller.requireWithin(code);
        return standings.snapshot(code, QueryParams.year("year", year), QueryParams.integer("quarter", quarter));
    }

    /** A region's table as CSV (UTF-8 with BOM) or .xlsx. */
    @GET
    @Path("/export")
    @Produces({"text/csv", TableFiles.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response export(@QueryParam("region") String region, @QueryParam("year") Integer year,
                           @QueryParam("format") @DefaultValue("csv") String format) {
        RegionCode scope = caller.listScope(RegionCodes.optional("region", region));
        List<Standing> table = standings.table(scope, yearOr(year), null, null);
        String stem = "points-" + scope.value() + "-" + yearOr(year);
        return switch (format.toLowerCase()) {
            case "csv" -> Response.ok(TableFiles.csv(table), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + stem + ".csv\"").build();
            case "xlsx" -> Response.ok(TableFiles.xlsx(table), TableFiles.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + stem + ".xlsx\"").build();
            default -> throw ProblemException.invalid("format", "csv or xlsx");
        };
    }

    private static int yearOr(Integer year) {
        return year == null ? LocalDate.now(Ledger.CHINA).getYear() : year;
    }
}
