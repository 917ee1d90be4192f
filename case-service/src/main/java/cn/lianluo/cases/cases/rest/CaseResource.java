package cn.lianluo.cases.cases.rest;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.rest.CaseDtos.CaseCreated;
import cn.lianluo.cases.cases.rest.CaseDtos.CaseRequest;
import cn.lianluo.cases.cases.rest.CaseDtos.CaseSummary;
import cn.lianluo.cases.cases.rest.CaseDtos.CaseView;
import cn.lianluo.cases.cases.rest.CaseDtos.CommandBody;
import cn.lianluo.cases.cases.rest.CaseDtos.Rating;
import cn.lianluo.cases.cases.rest.CaseDtos.TrackView;
import cn.lianluo.cases.cases.service.CaseQueries;
import cn.lianluo.cases.cases.service.CaseService;
import cn.lianluo.cases.cases.service.CaseStatistics;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Citizens' cases (群众诉求) and the 五环五时 loop. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseStatistics statistics;
    private final UnitService units;
    private final CaseClock clock;
    private final Caller caller;

    public CaseResource(CaseService cases, CaseQueries queries, CaseStatistics statistics, UnitService units,
                        CaseClock clock, Caller caller) {
        this.cases = cases;
        this.queries = queries;
        this.statistics = statistics;
        this.units = units;
        this.clock = clock;
        this.caller = caller;
    }

    /** 受理随时: public for citizens; staff and deputies (with a token) name the receiving deputy. */
    @POST
    @Idempotent
    @PermitAll
    public Response submit(@NotNull @Valid CaseRequest request, @Context UriInfo uri) {
        CaseCreated created = cases.submit(request, caller.isAuthenticated() ? caller : null);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/categories")
    @PermitAll
    public List<UnitService.Category> categories() {
        return units.categories();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public Page<CaseSummary> list(@QueryParam("region") String region, @QueryParam("status") String status,
                                  @QueryParam("overdue") Boolean overdue, @QueryParam("deputy") UUID deputy,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.list(RegionCodes.optional("region", region), QueryParams.enumValue("status", status, CaseStatus.class),
                overdue, deputy, page, size, caller);
    }

    /** Statistics of a region and period for the dashboards (default: this year to date). */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public CaseStatistics.Statistics statistics(@QueryParam("region") String region, @QueryParam("from") LocalDate from,
                                                @QueryParam("to") LocalDate to) {
        LocalDate today = clock.today();
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today.plusDays(1) : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "the period ends after it starts");
        }
        return statistics.of(caller.listScope(RegionCodes.optional("region", region)), start, end);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public CaseView get(@PathParam("id") UUID id) {
        return queries.get(id, caller);
    }

    /** {@code answer, assign, accept, escalate, complete, reply, visit, reopen, pause, resume, request-extension,
     * approve-extension, deny-extension, supervise, close}. */
    @POST
    @Path("/{id}/{command}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public CaseView command(@PathParam("id") UUID id, @PathParam("command") String command, @Valid CommandBody body) {
        CaseCommand parsed = Arrays.stream(CaseCommand.values()).filter(c -> c.path().equals(command)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "unknown-command", "Not found 未找到", "'" + command
                        + "' is not a case command; commands: " + Arrays.stream(CaseCommand.values()).map(CaseCommand::path).toList()));
        cases.command(id, parsed, body, caller);
        return queries.afterCommand(id, caller);
    }

    /** The citizen's tracking page: tracking code and phone. */
    @GET
    @Path("/track/{trackingCode}")
    @PermitAll
    public TrackView track(@PathParam("trackingCode") String trackingCode, @QueryParam("phone") String phone) {
        return queries.track(trackingCode, phone);
    }

    /** The citizen's own rating after the reply (once). */
    @POST
    @Path("/track/{trackingCode}/rating")
    @PermitAll
    public TrackView rate(@PathParam("trackingCode") String trackingCode, @NotNull @Valid Rating rating) {
        cases.rate(trackingCode, rating);
        return queries.track(trackingCode, rating.phone());
    }
}
