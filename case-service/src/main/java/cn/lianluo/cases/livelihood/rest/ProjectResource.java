package cn.lianluo.cases.livelihood.rest;

import cn.lianluo.cases.livelihood.service.LivelihoodStatistics;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Evaluation;
import cn.lianluo.cases.livelihood.service.ProjectDtos.EvaluationView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Implementation;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Milestone;
import cn.lianluo.cases.livelihood.service.ProjectDtos.MilestoneDone;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Progress;
import cn.lianluo.cases.livelihood.service.ProjectDtos.ProjectRequest;
import cn.lianluo.cases.livelihood.service.ProjectDtos.ProjectView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Shortlist;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Spending;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Supervision;
import cn.lianluo.cases.livelihood.service.ProjectDtos.TallyView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Vote;
import cn.lianluo.cases.livelihood.service.ProjectService;
import cn.lianluo.cases.rest.ApiDocs;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 民生实事项目票决制: 群众点题, 代表选题, 政府解题, 全过程监督, 群众评效果. */
@Path("/api/v1/livelihood-projects")
@Tag(name = "livelihood-projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final LivelihoodStatistics statistics;
    private final Caller caller;

    public ProjectResource(ProjectService projects, LivelihoodStatistics statistics, Caller caller) {
        this.projects = projects;
        this.statistics = statistics;
        this.caller = caller;
    }

    /** 群众点题: public for citizens (name and phone), or staff and deputies from cases. */
    @POST
    @Idempotent
    @PermitAll
    @Operation(operationId = "proposeProject", summary = "Propose a project 群众点题", description = "Public with the "
            + "citizen's name and phone (stored encrypted), or staff and deputies (token) from cases of the region. A "
            + "citizen's proposal is public once approved in moderation: at once when its text holds no link and no "
            + "number of 5 digits or more (lianluo.moderation.auto-approve), else it waits as PENDING; with a token it is "
            + "approved at once.")
    @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Proposed 已点题",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: with a token, a region outside the token's")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the Idempotency-Key's first request is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: cases that are not the region's, or the "
            + "Idempotency-Key reused for another request")
    public Response propose(@NotNull @Valid ProjectRequest request, @Context UriInfo uri) {
        ProjectView created = projects.propose(request, caller.isAuthenticated() ? caller : null);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** Public: what a region voted and carries out. */
    @GET
    @PermitAll
    @Operation(operationId = "listProjects", summary = "Projects 民生实事项目",
            description = "Public: what a region proposed, voted and carries out — the projects approved in moderation; staff "
                    + "(ADMIN, SUPERVISOR, STATION_STAFF) see every project of their scope besides, with its moderation state; "
                    + "a HANDLER (承办单位) with a unit sees only the projects its unit carries out (承办).")
    public Page<ProjectView> list(@QueryParam("region") @Parameter(description = "行政区划代码 region code (default: the province)") String region,
                                  @QueryParam("year") @Parameter(description = "year (default: every year)", schema = @Schema(type = SchemaType.INTEGER)) Integer year,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "page, from 0") int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        RegionCode requested = RegionCodes.optional("region", region);
        return projects.list(requested == null ? RegionCode.HUNAN : requested, year, page, size, caller);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getProjectStatistics", summary = "Project statistics 项目统计",
            description = "By status, average progress, evaluations and satisfaction, per child region.")
    public LivelihoodStatistics.ProjectStatistics statistics(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                                             @QueryParam("year") @Parameter(description = "year (default: every year)", schema = @Schema(type = SchemaType.INTEGER)) Integer year) {
        return statistics.projects(caller.listScope(RegionCodes.optional("region", region)), year);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getProject", summary = "A project 项目详情",
            description = "Public: the project with its vote counts, progress reports, supervisions and evaluations. A "
                    + "project not approved in moderation is 404 except to staff in scope.")
    @APIResponse(responseCode = "200", description = "The project 项目")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project (or not approved in moderation)")
    public ProjectView get(@PathParam("id") UUID id) {
        return projects.get(id, caller);
    }

    @GET
    @Path("/{id}/evaluations")
    @PermitAll
    @Operation(operationId = "listProjectEvaluations", summary = "Evaluations 群众评价",
            description = "Public, newest first: each rating, and its comment once approved in moderation (staff in scope "
                    + "see every comment). 404 as the project.")
    @APIResponse(responseCode = "200", description = "The evaluations 评价")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project (or not approved in moderation)")
    public Page<EvaluationView> evaluations(@PathParam("id") UUID id,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.LAST_PAGE) @Parameter(description = "page, from 0") int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        return projects.evaluations(id, page, size, caller);
    }

    @POST
    @Path("/{id}/shortlist")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "shortlistProject", summary = "Shortlist into the vote 入围票决", description = "Into the vote "
            + "of the region, year and level (set up with the first project shortlisted: its places and times then hold); "
            + "the electorate is fixed when it is set up.")
    @APIResponse(responseCode = "200", description = "The shortlisted project 已入围")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not PROPOSED, not approved in "
            + "moderation, or the vote has begun")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: no active deputies of the level in the region")
    public ProjectView shortlist(@PathParam("id") UUID id, @NotNull @Valid Shortlist shortlist) {
        return projects.shortlist(id, shortlist, caller);
    }

    @POST
    @Path("/{id}/votes")
    @RolesAllowed(Roles.DEPUTY)
    @Operation(operationId = "voteOnProject", summary = "Vote 代表票决",
            description = "One vote per deputy of the level and region while the vote is open.")
    @APIResponse(responseCode = "200", description = "The project after the vote 已投票")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: not shortlisted, the vote not open, or already voted")
    public ProjectView vote(@PathParam("id") UUID id, @NotNull @Valid Vote vote) {
        return projects.vote(id, vote, caller);
    }

    /** Takes no body: a front end may post it bare. */
    @POST
    @Path("/{id}/tally")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "tallyProjectVote", summary = "Tally the vote 计票", description = "差额, quorum 2/3, "
            + "majority of all deputies, top N; ties across the last place are voted again. 409 before closesAt unless "
            + "every deputy of the electorate has voted on every project. No body.")
    @APIResponse(responseCode = "200", description = "The counted vote 计票结果")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: not shortlisted, already tallied, not contested (差额), "
            + "the vote still open, or no quorum")
    public TallyView tally(@PathParam("id") UUID id) {
        return projects.tally(id, caller);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    @Operation(operationId = "reportProjectProgress", summary = "Report progress 政府解题",
            description = "On a selected project; backwards only with a reason; 100 completes it.")
    @APIResponse(responseCode = "200", description = "The project with the report 已报告进度")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not being carried out")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: progress backwards without a reason")
    public ProjectView progress(@PathParam("id") UUID id, @NotNull @Valid Progress progress) {
        return projects.progress(id, progress, caller);
    }

    @POST
    @Path("/{id}/supervisions")
    @RolesAllowed(Roles.DEPUTY)
    @Operation(operationId = "superviseProject", summary = "Supervise 全过程监督",
            description = "三督: a deputy of the region records their supervision of a selected project — of its progress "
                    + "(PROGRESS 督进度), its quality (QUALITY 督质量) or its funds (FUNDS 督资金); the kind is required.")
    @APIResponse(responseCode = "200", description = "The project with the supervision 已记录监督")
    @APIResponse(responseCode = "400", description = "Bad request 参数错误: no kind, or a kind not PROGRESS, QUALITY or FUNDS")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not being carried out")
    public ProjectView supervise(@PathParam("id") UUID id, @NotNull @Valid Supervision supervision) {
        return projects.supervise(id, supervision, caller);
    }

    @PUT
    @Path("/{id}/implementation")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "setProjectImplementation", summary = "Responsible unit and budget 承办单位与预算",
            description = "Staff of the project's region set, from its selection on, the unit that carries it out (one "
                    + "answering for the region: at it, above it or inside it) and its budget in fen (分); set again "
                    + "when they change.")
    @APIResponse(responseCode = "200", description = "The project with its unit and budget 已设置")
    @APIResponse(responseCode = "400", description = "Bad request 参数错误: no unitId, or a budget missing or negative")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a project outside the token's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not selected, or evaluated already")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: no such unit, or a unit of another region")
    public ProjectView implementation(@PathParam("id") UUID id, @NotNull @Valid Implementation implementation) {
        return projects.implementation(id, implementation, caller);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "planProjectMilestone", summary = "Plan a milestone 设置节点",
            description = "Staff of the project's region plan a milestone (节点) with its date, from selection on.")
    @APIResponse(responseCode = "200", description = "The project with the milestone 已设置节点")
    @APIResponse(responseCode = "400", description = "Bad request 参数错误: no title or no planned date")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a project outside the token's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not selected, or evaluated already")
    public ProjectView planMilestone(@PathParam("id") UUID id, @NotNull @Valid Milestone milestone) {
        return projects.planMilestone(id, milestone, caller);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/done")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    @Operation(operationId = "reachProjectMilestone", summary = "Milestone reached 节点完成",
            description = "The responsible unit (a HANDLER of it), or staff of the region for it, marks a milestone done, "
                    + "once, with photos uploaded first (POST /api/v1/files) by the same account or without a token; the "
                    + "photos are then read with the project's rights. Publishes lianluo.case.project-milestone-reached.v1.")
    @APIResponse(responseCode = "200", description = "The project with the milestone reached 节点已完成")
    @APIResponse(responseCode = "400", description = "Bad request 参数错误: no date done")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a handler of another unit (or of a project with no "
            + "unit yet), or staff of another region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project, or no such milestone of it")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: done already, or the project not being carried out")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a photo id not uploaded, taken already, expired "
            + "or another account's (photoIds[i])")
    public ProjectView reachMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
                                      @NotNull @Valid MilestoneDone done) {
        return projects.reachMilestone(id, milestoneId, done, caller);
    }

    @POST
    @Path("/{id}/spendings")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    @Operation(operationId = "recordProjectSpending", summary = "Record spending 记录支出",
            description = "The responsible unit (a HANDLER of it), or staff of the region for it, records a payment in fen "
                    + "(分). Spending beyond the budget is recorded and flagged (budget.overBudget), not refused. "
                    + "Publishes lianluo.case.project-spending-recorded.v1.")
    @APIResponse(responseCode = "200", description = "The project with the spending 已记录支出")
    @APIResponse(responseCode = "400", description = "Bad request 参数错误: an amount missing or not positive, or no date")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a handler of another unit (or of a project with no "
            + "unit yet), or staff of another region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the project is not selected, or evaluated already")
    public ProjectView recordSpending(@PathParam("id") UUID id, @NotNull @Valid Spending spending) {
        return projects.recordSpending(id, spending, caller);
    }

    /** 群众评效果: public for citizens (with their phone), or a deputy with a token. */
    @POST
    @Path("/{id}/evaluations")
    @PermitAll
    @Operation(operationId = "evaluateProject", summary = "Evaluate 群众评效果",
            description = "三评, after completion, its source taken from who posts: a citizen with their phone (群众评, once "
                    + "per phone; staff may enter it for them), a DEPUTY's token (代表评, once per deputy), or without a phone the "
                    + "token of ADMIN, SUPERVISOR, STATION_STAFF or HANDLER in the project's scope on the responsible unit's "
                    + "behalf (部门自评, once per project). The rating counts at once; a citizen's comment is shown publicly "
                    + "once approved in moderation (at once when it holds no link and no number).")
    @APIResponse(responseCode = "200", description = "The project with the evaluation 已评价")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a self-evaluation for a project outside the token's scope")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: not completed yet, or evaluated by this phone or deputy "
            + "already, or the unit's self-evaluation given already")
    public ProjectView evaluate(@PathParam("id") UUID id, @NotNull @Valid Evaluation evaluation) {
        return projects.evaluate(id, evaluation, caller.isAuthenticated() ? caller : null);
    }
}
