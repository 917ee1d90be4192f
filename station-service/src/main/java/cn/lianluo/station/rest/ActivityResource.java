package cn.lianluo.station.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.ActivityKind;
import cn.lianluo.station.service.StationDtos.ActivityRequest;
import cn.lianluo.station.service.StationDtos.ActivityView;
import cn.lianluo.station.service.ReceptionService;
import cn.lianluo.station.service.ReportAssessments;
import cn.lianluo.station.service.StationDtos.AssessmentRequest;
import cn.lianluo.station.service.StationDtos.DeputyReports;
import cn.lianluo.station.service.StationDtos.ReportSummary;
import cn.lianluo.station.service.StationDtos.ReportView;
import cn.lianluo.common.time.Zones;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.util.UUID;
import cn.lianluo.common.region.RegionCodes;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deputies' activities (代表活动: 五进, 代表讲堂, 调研视察, 议事会 …). */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "stations")
public class ActivityResource {

    private final ReceptionService receptions;
    private final ReportAssessments reports;
    private final Caller caller;

    public ActivityResource(ReceptionService receptions, ReportAssessments reports, Caller caller) {
        this.receptions = receptions;
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "recordActivity", summary = "An activity held 代表活动",
            description = "Kinds FIVE_INTO 五进 (with fiveIntoTarget, and only it), TRAINING 代表讲堂, SURVEY 调研视察, "
                    + "DELIBERATION 议事会, EXCHANGE 履职交流座谈会, PUBLIC_WELFARE 公益, LIVESTREAM 直播带货, REPORT 代表进站报告履职 "
                    + "(述职评议: with reportingDeputyId, required there and only there, and votersPresent; it gets an "
                    + "assessmentCode for the voters' H5); held at a station "
                    + "or in a region (at least one of stationId and regionCode; a region given with a station contains "
                    + "it). Only active deputies who belong to the place (the station: assigned to it or living in its "
                    + "region; a region: living in it or assigned to a station inside it) may be participants; any other "
                    + "id is a 422 naming it (participantDeputyIds[i]). The date may not lie in the future.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已创建: the activity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has the stationId given")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown region, a region that does not "
            + "contain the station, a participant who may not be credited there, a date in the future, or an "
            + "Idempotency-Key reused for another request")
    public Response record(@NotNull @Valid ActivityRequest request, @Context UriInfo uri) {
        ActivityView created = receptions.recordActivity(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** 述职评议 the reports a deputy gave in a year, with their tallies: a part of the deputy's dossier. */
    @GET
    @Path("/reports")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "listDeputyReports", summary = "A deputy's reports to voters 述职评议",
            description = "The REPORT activities the deputy gave in the year inside the caller's region, the latest first, "
                    + "each with the voters' assessments counted (满意, 基本满意, 不满意) and the satisfaction rate.")
    public DeputyReports reports(@Parameter(description = "the reporting deputy's id", required = true)
                                    @QueryParam("deputy") @NotNull UUID deputy,
                                    @Parameter(description = "year (default: this year)") @QueryParam("year") Integer year) {
        int y = year == null ? LocalDate.now(Zones.CHINA).getYear() : year;
        return new DeputyReports(deputy, y, reports.reportsOf(deputy, y, caller.region()));
    }

    @GET
    @Path("/{id}/assessments")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getReportTally", summary = "How voters assessed a report 述职评议结果",
            description = "The counts of 满意, 基本满意 and 不满意 and the satisfaction rate of a REPORT activity in scope.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no activity has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the activity is not a REPORT")
    public ReportView tally(@PathParam("id") UUID id) {
        return reports.report(id, caller);
    }

    @POST
    @Path("/{id}/assessments")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "recordReportAssessment", summary = "A voter's assessment given at the report 现场评议",
            description = "Staff of the report's region enter a voter's assessment (SATISFIED 满意, BASICALLY_SATISFIED 基本满意, "
                    + "UNSATISFIED 不满意) with the voter's phone: one assessment per phone and report.")
    @APIResponse(responseCode = "201", description = "Created 已创建: the report's tally with it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no activity has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: this phone assessed the report already, or the "
            + "activity is not a REPORT")
    public Response assess(@PathParam("id") UUID id, @NotNull @Valid AssessmentRequest request) {
        return Response.status(Response.Status.CREATED).entity(reports.assessOnTheSpot(id, request, caller)).build();
    }

    @GET
    @Path("/by-code/{code}")
    @PermitAll
    @Operation(operationId = "getReportByCode", summary = "The report a voter is about to assess 待评议的述职报告 (public)",
            description = "What the H5 shows a voter who opened a report's assessment code: its title, day and place.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportSummary.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no report has this code")
    public ReportSummary byCode(@PathParam("code") @Size(max = 32) String code) {
        return reports.summary(code);
    }

    @POST
    @Path("/by-code/{code}/assessments")
    @PermitAll
    @Operation(operationId = "assessReport", summary = "A voter assesses a report on the H5 (public) 群众评议",
            description = "Without signing in, with the report's assessment code and the voter's phone: SATISFIED 满意, "
                    + "BASICALLY_SATISFIED 基本满意 or UNSATISFIED 不满意, once per phone. Only a keyed hash of the phone is kept.")
    @APIResponse(responseCode = "201", description = "Created 已创建: the assessment is counted")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no report has this code")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: this phone assessed the report already")
    public Response assessWithCode(@PathParam("code") @Size(max = 32) String code, @NotNull @Valid AssessmentRequest request) {
        reports.assessWithCode(code, request);
        // the tally is for the report's region, not for whoever holds the code
        return Response.status(Response.Status.CREATED).build();
    }

    /** Activities inside the caller's region (or a region inside it). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "listActivities", summary = "Activities 代表活动列表",
            description = "Activities held inside the caller's region (or a region inside it), the latest first.")
    public Page<ActivityView> list(@Parameter(description = StationResource.REGION + "; default: the caller's region")
                                   @QueryParam("region") String region,
                                   @Parameter(description = "the kind of activity",
                                           schema = @Schema(implementation = ActivityKind.class)) @QueryParam("kind") String kind,
                                   @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var scope = caller.listScope(RegionCodes.optional("region", region));
        return receptions.activities(scope, QueryParams.enumValue("kind", kind, ActivityKind.class), page, size);
    }
}
