package cn.lianluo.scoring.rest;

import cn.lianluo.common.time.Zones;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.rest.TableExports;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.service.PointsDtos.Alert;
import cn.lianluo.scoring.service.PointsDtos.AppealRequest;
import cn.lianluo.scoring.service.PointsDtos.AppealView;
import cn.lianluo.scoring.service.PointsDtos.AppealStatus;
import cn.lianluo.scoring.service.PointsDtos.Correction;
import cn.lianluo.scoring.service.PointsDtos.Decision;
import cn.lianluo.scoring.service.PointsDtos.DeputyLedgerEntry;
import cn.lianluo.scoring.service.PointsDtos.DeputyPoints;
import cn.lianluo.scoring.service.PointsDtos.Published;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import cn.lianluo.scoring.service.PointsDtos.RuleSetView;
import cn.lianluo.scoring.service.PointsDtos.Snapshot;
import cn.lianluo.scoring.service.PointsDtos.Standing;
import cn.lianluo.scoring.service.PointsDtos.Statistics;
import cn.lianluo.scoring.service.Appeals;
import cn.lianluo.scoring.service.Rules;
import cn.lianluo.scoring.service.PointsQueries;
import cn.lianluo.scoring.service.SnapshotPublisher;
import cn.lianluo.scoring.service.TableFiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 履职积分: rule sets, a deputy's points and ledger, rankings, alerts, appeals, corrections, published tables. */
@Path("/api/v1/points")
@Tag(name = "points", description = "履职积分")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {

    /** The levels of congress a ranking may be limited to. */
    @Schema(name = "RankingLevel", description = "a level of people's congress: 全国, 省, 市, 县, 乡镇")
    public enum Level { NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP }

    @Schema(name = "PointsCorrectionRecorded", description = "The ledger entry a correction wrote.")
    public record CorrectionRecorded(@Schema(description = "the new ledger entry's id") UUID id) {
    }

    @Schema(name = "PointsSnapshotRequest", description = "Publish a region's quarterly table (季度公示).")
    public record SnapshotRequest(@Schema(description = "行政区划代码 region code (43, 4308, 430822, 430822207…)")
                                  @NotBlank String region,
                                  @NotNull Integer year,
                                  @NotNull @Min(1) @Max(4) Integer quarter) {
    }

    // the parameters' words, as every list of the API says them
    static final String REGION = "行政区划代码 region code (43, 4308, 430822, 430822207…)";
    static final String REGION_SCOPE = REGION + "; default: the caller's scope";
    static final String YEAR = "year (default: this year)";

    private final Rules rules;
    private final Appeals appeals;
    private final PointsQueries queries;
    private final SnapshotPublisher snapshots;
    private final Caller caller;

    public PointsResource(Rules rules, Appeals appeals, PointsQueries queries, SnapshotPublisher snapshots, Caller caller) {
        this.rules = rules;
        this.appeals = appeals;
        this.queries = queries;
        this.snapshots = snapshots;
        this.caller = caller;
    }

    @GET
    @Path("/rules/{region}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getRuleSet", summary = "Rule set 积分规则",
            description = "Its own or inherited from an ancestor; a year without rule sets keeps the latest earlier year's (沿用).")
    @APIResponse(responseCode = "200", description = "OK: the rule set that applies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no rule set applies to the region in that year")
    public RuleSetView rules(@Parameter(description = REGION) @PathParam("region") String region,
                             @Parameter(description = "year", schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "1900", maximum = "2999")) @PathParam("year") String rawYear) {
        int year = QueryParams.year("year", rawYear);
        RegionCode code = RegionCodes.field("region", region);
        return rules.effective(code, year).map(s -> rules.view(s, code))
                .orElseThrow(() -> ProblemException.notFound("rule set of " + code + " for", year));
    }

    /** Publishes the next version and recomputes the year from the stored facts. */
    @PUT
    @Path("/rules/{region}/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "publishRuleSet", summary = "Publish a rule version 发布积分规则",
            description = "Recomputes the year from the stored facts with visible reversals, and the later years that keep "
                    + "it (沿用); rules are published for 2020 to next year.")
    public Published publish(@Parameter(description = REGION) @PathParam("region") String region,
                             @Parameter(description = "year, 2020 to next year", schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "2020", maximum = "2999")) @PathParam("year") String year,
                             @NotNull @Valid RuleSetBody body) {
        return appeals.publishRules(RegionCodes.field("region", region), QueryParams.year("year", year), body, caller);
    }

    @GET
    @Path("/deputies/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getDeputyPoints", summary = "A deputy's points 履职积分",
            description = "The year's total, points by fact type, grade, station entries and the whole ledger. A deputy sees "
                    + "only their own points.")
    @APIResponse(responseCode = "200", description = "OK: the deputy's year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyPoints.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: scoring knows no such deputy")
    public DeputyPoints deputy(@Parameter(description = "the deputy's id") @PathParam("id") UUID id,
                               @Parameter(description = YEAR) @QueryParam("year") Integer year) {
        return queries.deputy(id, year == null ? LocalDate.now(Zones.CHINA).getYear() : year, caller);
    }

    @GET
    @Path("/ranking")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getPointsRanking", summary = "Ranking 积分排名",
            description = "Within a region prefix and a level; every active deputy of the region is ranked, those without "
                    + "points with 0.")
    public Page<Standing> ranking(@Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
                                  @Parameter(description = YEAR) @QueryParam("year") Integer year,
                                  @Parameter(description = "only deputies of this level of congress",
                                          schema = @Schema(implementation = Level.class)) @QueryParam("level") String level,
                                  @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Level parsed = QueryParams.enumValue("level", level, Level.class);
        return queries.ranking(caller.listScope(RegionCodes.optional("region", region)), yearOr(year),
                parsed == null ? null : parsed.name(), page, size);
    }

    /** Station-entry figures and the top deputies for the gateway's dashboard. */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getPointsStatistics", summary = "Points statistics 积分统计",
            description = "Deputies with the required station entries, per child region, and the top five.")
    public Statistics statistics(@Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
                                           @Parameter(description = YEAR) @QueryParam("year") Integer year) {
        return queries.statistics(caller.listScope(RegionCodes.optional("region", region)), yearOr(year));
    }

    /** The ledger of a region read by cursor, for systems that sync it. */
    @GET
    @Path("/ledger/changes")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "listLedgerChanges", summary = "The ledger by cursor 积分台账增量同步",
            description = "The ledger entries (台账) of the deputies of a region, every year, each with its deputy, year and "
                    + "region: what getDeputyPoints shows staff of that region, entry by entry. An entry is never edited "
                    + "(a correction is a new, reversing entry), so each comes once. " + Cursor.CHANGES)
    public CursorPage<DeputyLedgerEntry> ledgerChanges(
            @Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
            @Parameter(description = Cursor.AFTER) @QueryParam(Cursor.PARAM) String after,
            @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.ledgerChanges(caller.listScope(RegionCodes.optional("region", region)), Cursor.parse(after), size);
    }

    /** Who is falling behind (进站不足, 积分偏低), once the flag date of the year has come. */
    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "listPointsAlerts", summary = "Alerts 预警名单",
            description = "Below the required station entries (from the flag date) or a low score; a past year as at its "
                    + "last day. By region, then name, paged like every list (at most 200 a page); `total` counts them all.")
    public Page<Alert> alerts(@Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
                              @Parameter(description = YEAR) @QueryParam("year") Integer year,
                              @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        int y = yearOr(year);
        LocalDate today = LocalDate.now(Zones.CHINA);
        return queries.alerts(caller.listScope(RegionCodes.optional("region", region)), y,
                y < today.getYear() ? LocalDate.of(y, 12, 31) : today, page, size);
    }

    @POST
    @Idempotent
    @Path("/appeals")
    @RolesAllowed(Roles.DEPUTY)
    @Operation(operationId = "fileAppeal", summary = "Appeal 积分申诉",
            description = "An own entry, or a missing fact with its type and points.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已提交: the appeal, OPEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such ledger entry")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the entry belongs to another deputy, or the "
            + "Idempotency-Key was used for another request")
    public Response appeal(@NotNull @Valid AppealRequest request) {
        return Response.status(201).entity(appeals.file(request, caller)).build();
    }

    @GET
    @Path("/appeals")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY})
    @Operation(operationId = "listAppeals", summary = "Appeals 申诉列表",
            description = "The newest first; a deputy sees only their own.")
    public Page<AppealView> appeals(@Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
                                    @Parameter(description = "only appeals in this status",
                                            schema = @Schema(implementation = AppealStatus.class)) @QueryParam("status") String status,
                                    @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return appeals.list(caller.listScope(RegionCodes.optional("region", region)),
                Optional.ofNullable(QueryParams.enumValue("status", status, AppealStatus.class)).map(Enum::name).orElse(null),
                page, size, caller);
    }

    @POST
    @Path("/appeals/{id}/grant")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "grantAppeal", summary = "Grant an appeal 申诉成立",
            description = "A reversing or adding entry; an appeal for a missing station entry, granted, counts as a station "
                    + "entry. An appeal is decided once: a second decision (even at the same moment) is 409. The body is optional.")
    @APIResponse(responseCode = "200", description = "OK: the appeal, GRANTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such appeal")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the appeal is already decided, or its entry already reversed")
    public AppealView grant(@Parameter(description = "the appeal's id") @PathParam("id") UUID id,
                            @RequestBody(required = false) @Valid Decision decision) {
        return appeals.decide(id, true, decision, caller);
    }

    @POST
    @Path("/appeals/{id}/deny")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "denyAppeal", summary = "Deny an appeal 申诉驳回",
            description = "An appeal is decided once: a second decision (even at the same moment) is 409. The body is optional.")
    @APIResponse(responseCode = "200", description = "OK: the appeal, DENIED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such appeal")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the appeal is already decided")
    public AppealView deny(@Parameter(description = "the appeal's id") @PathParam("id") UUID id,
                           @RequestBody(required = false) @Valid Decision decision) {
        return appeals.decide(id, false, decision, caller);
    }

    /** A correction: a new entry (reversing another when named), never an edit. */
    @POST
    @Idempotent
    @Path("/corrections")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "recordCorrection", summary = "Correct 更正",
            description = "A new entry, reversing another when named; never an edit.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已更正: the new entry's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionRecorded.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy, or no such entry to reverse")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the entry is already reversed, or a request with this "
            + "Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the entry belongs to another deputy, or the "
            + "Idempotency-Key was used for another request")
    public Response correct(@NotNull @Valid Correction correction) {
        return Response.status(201).entity(new CorrectionRecorded(appeals.correct(correction, caller))).build();
    }

    @POST
    @Idempotent
    @Path("/snapshots")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "publishSnapshot", summary = "Publish a quarterly table 季度公示",
            description = "The region's table with the facts up to the quarter's last day; frozen once published.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已公示: the published table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Snapshot.class)))
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the quarter's table is already published (frozen), or a "
            + "request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the Idempotency-Key was used for another request")
    public Response publishSnapshot(@NotNull @Valid SnapshotRequest request) {
        return Response.status(201).entity(snapshots.publish(RegionCodes.field("region", request.region()), request.year(),
                request.quarter(), caller)).build();
    }

    @GET
    @Path("/snapshots/{region}/{year}/{quarter}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getSnapshot", summary = "A published table 公示表",
            description = "A region's quarterly table as it was published.")
    @APIResponse(responseCode = "200", description = "OK: the published table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Snapshot.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: the quarter's table of the region is not published")
    public Snapshot snapshot(@Parameter(description = REGION) @PathParam("region") String region,
                             @Parameter(description = "year", schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "1900", maximum = "2999")) @PathParam("year") String year,
                             @Parameter(description = "quarter, 1 to 4", schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "1", maximum = "4")) @PathParam("quarter") String quarter) {
        RegionCode code = RegionCodes.field("region", region);
        caller.requireWithin(code);
        return snapshots.snapshot(code, QueryParams.year("year", year), QueryParams.integer("quarter", quarter));
    }

    /** A region's table as CSV (UTF-8 with BOM) or .xlsx. */
    @GET
    @Path("/export")
    @Produces({"text/csv", TableFiles.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "exportPoints", summary = "Export the table 积分导出",
            description = "CSV (UTF-8 with BOM) or .xlsx; every active deputy of the region, those without points with 0. "
                    + "Columns: 名次, 代表ID, 姓名, 行政区划代码, 积分, 等次. Written from a database cursor into a "
                    + "temporary file, then sent with its length: constant memory whatever the region.")
    @APIResponse(responseCode = "200", description = "OK: the table as a file (an attachment)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"points-<region>-<year>.csv\" (or .xlsx)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = TableFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response export(@Parameter(description = REGION_SCOPE) @QueryParam("region") String region,
                           @Parameter(description = YEAR) @QueryParam("year") Integer year,
                           @Parameter(description = "csv or xlsx", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"csv", "xlsx"}, defaultValue = "csv"))
                           @QueryParam("format") @DefaultValue("csv") String format) {
        RegionCode scope = caller.listScope(RegionCodes.optional("region", region));
        int of = yearOr(year);
        return TableExports.stream("points-" + scope.value() + "-" + of, format, TableFiles.SHEET,
                table -> queries.export(scope, of, table));
    }

    private static int yearOr(Integer year) {
        return year == null ? LocalDate.now(Zones.CHINA).getYear() : year;
    }
}
