package cn.lianluo.cases.cases.rest;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.service.CaseDtos.CaseCreated;
import cn.lianluo.cases.cases.service.CaseDtos.CaseRequest;
import cn.lianluo.cases.cases.service.CaseDtos.CaseSummary;
import cn.lianluo.cases.cases.service.CaseDtos.CaseView;
import cn.lianluo.cases.cases.service.CaseDtos.CommandBody;
import cn.lianluo.cases.cases.service.CaseDtos.Rating;
import cn.lianluo.cases.cases.service.CaseDtos.TrackView;
import cn.lianluo.cases.cases.service.CaseDocuments;
import cn.lianluo.cases.cases.service.CaseDtos;
import cn.lianluo.cases.cases.service.CaseIntake;
import cn.lianluo.cases.cases.service.CaseQueries;
import cn.lianluo.cases.cases.service.CaseService;
import cn.lianluo.cases.cases.service.CaseStatistics;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.rest.ApiDocs;
import cn.lianluo.cases.units.service.CategoryService;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Citizens' cases (群众诉求) and the 五环五时 loop. */
@Path("/api/v1/cases")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService cases;
    private final CaseIntake intake;
    private final CaseQueries queries;
    private final CaseStatistics statistics;
    private final UnitService units;
    private final CategoryService categories;
    private final CaseDocuments documents;
    private final CaseClock clock;
    private final Caller caller;

    public CaseResource(CaseService cases, CaseIntake intake, CaseQueries queries, CaseStatistics statistics,
                        UnitService units, CategoryService categories, CaseDocuments documents, CaseClock clock,
                        Caller caller) {
        this.cases = cases;
        this.documents = documents;
        this.intake = intake;
        this.categories = categories;
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
    @Operation(operationId = "submitCase", summary = "Submit a case 群众诉求受理", description = "Public for citizens; staff "
            + "and deputies (token) name the receiving deputy (第一责任人). Phones: mainland mobile or landline. Without a "
            + "token the channel is ONLINE (another is 422) and urgent and stationId are staff's (422); attachment URLs are "
            + "https: to a public host only (422). The citizen's name and phone are stored encrypted. The place is an "
            + "address and, optionally, lat and lng in GCJ-02 (both or neither, within China: 400). A case like an open "
            + "one of its county (the same phone, or the same place and a similar text, within 30 days) is flagged "
            + "possibleDuplicateOf it, for staff only. Channel GRID (网格员上报) names its grid in gridId and no other "
            + "channel does (400); a grid worker's token (a gridId claim) submits GRID with its own grid (another is 403).")
    @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Received 已受理: the case's id, tracking code and first deadline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseCreated.class)))
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a token whose role does not take in cases, a deputy "
            + "naming another deputy, a grid worker naming another grid or channel, or a region outside the token's")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the Idempotency-Key's first request is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a region above county level, an unknown "
            + "category, an unknown or other region's receiving deputy, a channel, urgency or station a citizen may not set, "
            + "an attachment URL that is not public https:, or the Idempotency-Key reused for another request")
    public Response submit(@NotNull @Valid CaseRequest request, @Context UriInfo uri) {
        CaseCreated created = intake.submit(request, caller.isAuthenticated() ? caller : null);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/categories")
    @PermitAll
    @Operation(operationId = "listCaseCategories", summary = "Categories 分级分类",
            description = "The case categories and the level of government responsible for each.")
    public List<UnitService.Category> categories() {
        return units.categories();
    }

    @PUT
    @Path("/categories/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCaseCategory", summary = "Create or change a category 设置诉求分类",
            description = "Adds the category, or changes the name of an existing one or the level of government responsible "
                    + "for it; the categories serve every region of the province, so only an ADMIN whose scope is a whole "
                    + "province sets them. The event lianluo.case.category-changed.v1 tells what changed. The shipped "
                    + "categories load at every start when missing; a change made here is kept. Other replicas answer "
                    + "the new list within 30 s.")
    @APIResponse(responseCode = "200", description = "Changed 已修改",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitService.Category.class)))
    @APIResponse(responseCode = "201", description = "Created 已创建",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitService.Category.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a code that is not 2 to 40 upper-case letters, "
            + "digits or underscores, no name, or no level")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: not an ADMIN, or an ADMIN of less than a province")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: VILLAGE as the level responsible")
    public Response putCategory(@Parameter(description = "the category's code (upper case, e.g. RURAL_LIVING)", example = "RURAL_LIVING")
                                @PathParam("code") String code, @NotNull @Valid CategoryService.CategoryRequest request) {
        CategoryService.Changed changed = categories.put(code, request, caller);
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK).entity(changed.category()).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "listCases", summary = "Cases 诉求列表",
            description = "Citizen data masked; a HANDLER sees its unit's, a DEPUTY those it received. Newest first. The "
                    + "filters narrow that scope and combine with AND; an empty value is no filter.")
    public Page<CaseSummary> list(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                  @QueryParam("status") @Parameter(schema = @Schema(implementation = CaseStatus.class)) String status,
                                  @QueryParam("overdue") @Parameter(description = "only cases with (true) or without (false) an overdue open deadline") Boolean overdue,
                                  @QueryParam("warned") @Parameter(description = "only cases with (true) or without (false) "
                                          + "an open deadline in its warning window 预警: unpaused, past its warning time "
                                          + "(80 % of the stage) and not yet due; an overdue deadline is not warned") Boolean warned,
                                  @QueryParam("deputy") @Parameter(description = "the receiving deputy") UUID deputy,
                                  @QueryParam("category") @Parameter(description = "a category code of GET "
                                          + "/api/v1/cases/categories (MEDICAL_INSURANCE …); another is a 400") String category,
                                  @QueryParam("q") @Size(max = 100) @Parameter(description = "part of the title, "
                                          + "case-insensitive (% and _ are plain characters), or a whole tracking code; "
                                          + "trimmed; the citizen's name and phone are not searched") String q,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "page, from 0") int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        CaseQueries.Filter filter = new CaseQueries.Filter(RegionCodes.optional("region", region),
                QueryParams.enumValue("status", status, CaseStatus.class), overdue, warned, deputy,
                category == null || category.isBlank() ? null : units.findCategory(category).orElseThrow(() ->
                        ProblemException.invalid("category", "'" + category + "' is not a category; see GET /api/v1/cases/categories")).code(),
                q == null || q.isBlank() ? null : q.strip());
        return queries.list(filter, page, size, caller);
    }

    /** The cases of a scope read by cursor, for systems that sync them (a 12345 platform). */
    @GET
    @Path("/changes")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "listCaseChanges", summary = "Cases by cursor 诉求增量同步",
            description = "The cases of listCases' scope, as listCases shows them (citizen data masked; a HANDLER its "
                    + "unit's, a DEPUTY those it received). " + Cursor.CHANGES)
    public CursorPage<CaseSummary> changes(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                           @QueryParam(Cursor.PARAM) @Parameter(description = Cursor.AFTER) String after,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        return queries.changes(RegionCodes.optional("region", region), Cursor.parse(after), size, caller);
    }

    /** Statistics of a region and period for the dashboards (default: this year to date). */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getCaseStatistics", summary = "Case statistics 诉求统计", description = "Received, closed, "
            + "on the spot, on time, overdue now, warnings now, satisfaction, per child region; the period [from, to) "
            + "defaults to this year to date.")
    public CaseStatistics.Statistics statistics(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                                @QueryParam("from") @Parameter(description = "first day (default: 1 January of this year)") LocalDate from,
                                                @QueryParam("to") @Parameter(description = "the day after the last (default: tomorrow)") LocalDate to) {
        LocalDate today = clock.today();
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today.plusDays(1) : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "the period ends after it starts");
        }
        return statistics.of(caller.listScope(RegionCodes.optional("region", region)), start, end);
    }

    /**
     * 政务公开: a region's year as the public sees it — the staff dashboard's own figures of that year (the overview
     * asks {@link #statistics} for 1 January to 1 January), counts and rates only, nothing of any one case.
     */
    @GET
    @Path("/public-statistics")
    @PermitAll
    @Operation(operationId = "getPublicCaseStatistics", summary = "Public case figures 诉求办理公开数据",
            description = "A region's cases of a year: received, 办结率 (closed / received), 按时办结率 (closed on time / "
                    + "closed) and 满意度 (satisfied / rated), in total, by category, by month received and per child "
                    + "region. The same count as the staff dashboard's (GET /cases/statistics for the year), up to a "
                    + "minute old. Aggregates only.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStatistics.PublicStatistics.class)))
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a year that has not begun")
    public CaseStatistics.PublicStatistics publicStatistics(
            @QueryParam("region") @Parameter(description = "行政区划代码 region code (43, 4331, 433124, 433124108…); default: the province") String region,
            @QueryParam("year") @Parameter(description = "year (default: this year)") Integer year) {
        RegionCode requested = RegionCodes.optional("region", region);
        int thisYear = clock.today().getYear();
        int y = year == null ? thisYear : year;
        if (y < QueryParams.FIRST_YEAR || y > QueryParams.LAST_YEAR) {
            throw ProblemException.invalid("year", "'" + y + "' is not a year between " + QueryParams.FIRST_YEAR + " and " + QueryParams.LAST_YEAR);
        }
        if (y > thisYear) {
            throw ProblemException.unprocessable("year-not-begun", "year", y + " has not begun: there are no figures yet");
        }
        return statistics.ofYear((requested == null ? RegionCode.HUNAN : requested).value(), y);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "getCase", summary = "A case 诉求详情", description = "With deadlines, overdue, "
            + "allowedCommands and the timeline; whole citizen data and the tracking code for those who handle it, masked "
            + "for other deputies of its region.")
    @APIResponse(responseCode = "200", description = "The case 诉求")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such case")
    public CaseView get(@PathParam("id") UUID id) {
        return queries.get(id, caller);
    }

    @GET
    @Path("/{id}/assignment-sheet.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "getAssignmentSheet", summary = "The printable assignment sheet 交办单 (PDF)",
            description = "The case as handed to the unit that has it: the form, the assignment or escalation that "
                    + "brought it there, the handling deadline and the content, in Chinese on A4. For those who may read "
                    + "the case, with the citizen's data as they see it (masked for other deputies).")
    @APIResponse(responseCode = "200", description = "The 交办单 as PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such case")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: no unit has the case yet (not-assigned)")
    public Response assignmentSheet(@PathParam("id") UUID id) {
        return pdf(documents.assignmentSheet(id, caller));
    }

    @GET
    @Path("/{id}/supervision-notice.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "getSupervisionNotice", summary = "The printable supervision notice 督办函 (PDF)",
            description = "The latest supervision (督办) of the case as a notice to the unit that has it: the "
                    + "supervisor's words, the case, its open deadline and whether it is overdue.")
    @APIResponse(responseCode = "200", description = "The 督办函 as PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such case")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the case was never supervised (not-supervised)")
    public Response supervisionNotice(@PathParam("id") UUID id) {
        return pdf(documents.supervisionNotice(id, caller));
    }

    private static Response pdf(CaseDocuments.Pdf document) {
        return Response.ok(document.bytes(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code answer, assign, accept, escalate, transfer, return, complete, reply, visit, reopen, pause, resume, request-extension,
     * approve-extension, deny-extension, supervise, close, merge, unlink}: the spelling a case's {@code allowedCommands} lists. */
    @POST
    @Path("/{id}/{command}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "runCaseCommand", summary = "A command of the 五环五时 loop 诉求办理", description = "answer "
            + "当场答复 {content}, assign 交办 {unitId, reason?} (a reason or note is required when the unit is below the "
            + "level of the case's category, 分级分类), accept 签收, escalate 上交 {unitId, note, resetClock?} (the "
            + "handling clock goes on unless a supervisor resets it), transfer 转办 {unitId, reason} (to another unit of "
            + "the same level; the clock goes on), return 退回 {reason} (by the assigned unit, within 1 working day of "
            + "getting the case; back to be assigned again), complete 办结 {result}, "
            + "reply 答复 {content}, visit 回访 {satisfaction} (by staff; never by a DEPUTY: the citizen rates by tracking "
            + "code), reopen {reason}, pause 挂起 {reason}, resume, request-extension 申请延期 {days, reason}, "
            + "approve-extension, deny-extension, supervise 督办 {note}, close {note}, merge 合并办理 {intoCaseId} (a case "
            + "flagged possibleDuplicateOf ends MERGED into an open case of its county, whose answer its citizen is "
            + "shown), unlink 取消重复标记 (clears the flag). The command is one of the case's "
            + "allowedCommands; another is 409 naming the allowed. Answers the case as it is afterwards.")
    @APIResponse(responseCode = "200", description = "The case after the command 办理后的诉求")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such case")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the case's state does not allow the command "
            + "(errors name the allowed), an extension without a handling deadline, or a return after its window "
            + "(return-window-closed), a merge or unlink of a case not flagged (not-a-possible-duplicate), a merge into a "
            + "closed or merged case (merge-target-closed, merge-target-merged)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown unit, a unit that does not answer "
            + "for the case's region, an escalation not to a higher level, a transfer not to another unit of the same "
            + "level (transfer-level), an assignment below the category's level without a reason "
            + "(assignment-below-category-level), an extension asked after the deadline, or a merge into the case itself, "
            + "a case of another county or an unknown case (merge-into-itself, merge-other-county, unknown-case)")
    public CaseView command(@PathParam("id") UUID id,
                            @PathParam("command") @Parameter(description = "the command, as allowedCommands lists it",
                                    schema = @Schema(implementation = CaseDtos.CommandName.class)) String command,
                            @RequestBody(required = false, description = "the fields the command reads; none for a command that reads none") @Valid CommandBody body) {
        CaseCommand parsed = QueryParams.spelled("command", command, CaseCommand.values(), CaseCommand::path);
        cases.command(id, parsed, body, caller);
        return queries.afterCommand(id, caller);
    }

    /** The citizen's tracking page: tracking code and phone. */
    @GET
    @Path("/track/{trackingCode}")
    @PermitAll
    @Operation(operationId = "trackCase", summary = "Track a case 进度查询", description = "Tracking code and phone; a "
            + "wrong phone is the same 404 as an unknown code. After 5 wrong phones within an hour the code is locked for "
            + "an hour: every lookup of it is the same 429 with Retry-After. A case merged into another (MERGED, 重复件) "
            + "shows the reply, the result and the unit of the case it was merged into.")
    @APIResponse(responseCode = "200", description = "The tracking page 进度")
    @APIResponse(responseCode = "404", description = "Not found 未找到: an unknown tracking code, or a phone that is not the case's")
    public TrackView track(@PathParam("trackingCode") @Parameter(description = "the tracking code given at submission") String trackingCode,
                           @QueryParam("phone") @Parameter(required = true, description = "the phone the case was submitted with") String phone) {
        return queries.track(trackingCode, phone);
    }

    /** The citizen's own rating after the reply (once). */
    @POST
    @Path("/track/{trackingCode}/rating")
    @PermitAll
    @Operation(operationId = "rateCase", summary = "Rate the reply 群众评价", description = "After the reply, once. A "
            + "merged case (重复件) is rated once the case it was merged into is closed; it stays MERGED and its "
            + "rating counts in no figure (the matter counts once, as the case merged into). The phone is checked as on the tracking page (wrong phones count towards the same lock). Answers the tracking "
            + "page as it is afterwards.")
    @APIResponse(responseCode = "200", description = "The tracking page after the rating 评价后的进度")
    @APIResponse(responseCode = "404", description = "Not found 未找到: an unknown tracking code, or a phone that is not the case's")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: not replied yet (for a merged case: the case it "
            + "was merged into), or already rated")
    public TrackView rate(@PathParam("trackingCode") @Parameter(description = "the tracking code given at submission") String trackingCode,
                          @NotNull @Valid Rating rating) {
        cases.rate(trackingCode, rating);
        return queries.track(trackingCode, rating.phone());
    }
}
