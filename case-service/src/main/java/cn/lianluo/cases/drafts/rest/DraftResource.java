package cn.lianluo.cases.drafts.rest;

import cn.lianluo.cases.cases.service.CaseDocuments;
import cn.lianluo.cases.drafts.service.DraftDtos.AssessmentRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.CommentRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.CommentView;
import cn.lianluo.cases.drafts.service.DraftDtos.DraftRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.DraftView;
import cn.lianluo.cases.drafts.service.DraftDtos.Merge;
import cn.lianluo.cases.drafts.service.DraftDtos.RegionCount;
import cn.lianluo.cases.drafts.service.DraftDtos.Summary;
import cn.lianluo.cases.drafts.service.DraftReports;
import cn.lianluo.cases.drafts.service.DraftService;
import cn.lianluo.cases.rest.ApiDocs;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.TableExports;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** 立法意见征集 (基层立法联系点): drafts of laws open for comment, the comments, and the 汇总 staff compile from them. */
@Path("/api/v1/draft-laws")
@Tag(name = "draft-laws")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DraftResource {

    private static final String STAFF_ONLY = "Forbidden 无权限: not staff, or a draft whose region and the caller's do not meet";
    private static final String NO_DRAFT = "Not found 未找到: no draft has this id";
    private static final String NO_COMMENT = "Not found 未找到: no such draft, or no such comment on it";

    private final DraftService drafts;
    private final DraftReports reports;
    private final Caller caller;

    public DraftResource(DraftService drafts, DraftReports reports, Caller caller) {
        this.drafts = drafts;
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "publishDraftLaw", summary = "Publish a draft law for comment 发布法律法规草案征求意见",
            description = "A legislature's draft, its articles in order, the days comments are taken, and the region they "
                    + "are collected in (the caller's or one inside it). A lianluo.case.draft-published.v1 event.")
    @APIResponse(responseCode = "201", description = "Published 已发布",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: a missing field, no article, closing before opening")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a region outside the token's")
    public Response publish(@NotNull @Valid DraftRequest request, @Context UriInfo uri) {
        DraftView created = drafts.publish(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listDraftLaws", summary = "Drafts of a region 征求意见的草案",
            description = "The drafts collected in the region, around it or inside it: without a token the open ones; staff "
                    + "see those of every date of their scope, and the open ones of a region outside it.")
    public List<DraftView> list(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region) {
        boolean staff = caller.isAuthenticated() && (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR)
                || caller.hasRole(Roles.STATION_STAFF));
        RegionCode wanted = RegionCodes.optional("region", region);
        if (staff && (wanted == null || caller.covers(wanted))) {
            return drafts.list(caller.listScope(wanted), false);
        }
        return drafts.list(wanted == null ? RegionCode.HUNAN : wanted, true);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getDraftLaw", summary = "A draft law with its articles 草案")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such draft, or (without a staff token) one not open")
    public DraftView get(@PathParam("id") UUID id) {
        return drafts.get(id, caller);
    }

    @POST
    @Path("/{id}/comments")
    @Idempotent
    @PermitAll
    @Operation(operationId = "commentOnDraftLaw", summary = "Comment on a draft law 提出立法意见",
            description = "On one article or (without article) on the whole draft, while the draft is open. A DEPUTY's token "
                    + "comments as the deputy; without a token a citizen gives a phone (stored sealed, never shown) and may give "
                    + "a name and a region inside the draft's. The text is screened like every public text: with a link or a "
                    + "number of 5 digits or more it waits in moderation (kind DRAFT_COMMENT). A lianluo.case.draft-commented.v1 event.")
    @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Taken 已收到",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: no text, or a citizen without a phone")
    @APIResponse(responseCode = "404", description = NO_DRAFT)
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the draft is not open (draft-closed, draft-not-open)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an article the draft does not have, a region outside it")
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid CommentRequest request) {
        return Response.status(Response.Status.CREATED).entity(drafts.comment(id, request, caller)).build();
    }

    @GET
    @Path("/{id}/comments")
    @PermitAll
    @Operation(operationId = "listDraftLawComments", summary = "The comments on a draft 意见",
            description = "Without a token: the approved comments of an open draft, with no one's name or phone. Staff: those "
                    + "of their part of the draft in every state, with the masked phone, the merge and the assessment.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CommentView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such draft, or (without a staff token) one not open")
    public List<CommentView> comments(@PathParam("id") UUID id) {
        return drafts.comments(id, caller);
    }

    @POST
    @Path("/{id}/comments/{commentId}/merge")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "mergeDraftLawComment", summary = "Merge a duplicate comment 合并重复意见",
            description = "The comment (and those merged into it) then points to the one that survives; only the survivor is "
                    + "assessed and counted.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "404", description = NO_COMMENT)
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: already merged, or into a merged comment")
    public CommentView merge(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, @NotNull @Valid Merge merge) {
        return drafts.merge(id, commentId, merge.into(), caller);
    }

    @POST
    @Path("/{id}/comments/{commentId}/assessment")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "assessDraftLawComment", summary = "Assess a comment 采纳 / 部分采纳 / 未采纳",
            description = "ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED with the reason (required); again to change it. A "
                    + "lianluo.case.draft-assessed.v1 event.")
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: no assessment or no reason")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "404", description = NO_COMMENT)
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: a merged comment (assess the one it was merged into)")
    public CommentView assess(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, AssessmentRequest request) {
        return drafts.assess(id, commentId, request, caller);
    }

    @GET
    @Path("/{id}/region-counts")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "draftLawRegionCounts", summary = "Comments per region 各地意见数",
            description = "For the dashboard: how many comments (not hidden, duplicates merged) came from each region in the "
                    + "caller's part of the draft.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RegionCount.class)))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = NO_DRAFT)
    public List<RegionCount> regionCounts(@PathParam("id") UUID id) {
        return drafts.regionCounts(id, caller);
    }

    @GET
    @Path("/{id}/summary")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "draftLawSummary", summary = "The 汇总 of comments per article 意见汇总")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = NO_DRAFT)
    public Summary summary(@PathParam("id") UUID id) {
        return drafts.summary(id, caller);
    }

    @GET
    @Path("/{id}/summary.table")
    @Produces({"text/csv", TableWriter.XLSX, "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "exportDraftLawSummary", summary = "The 汇总 as a table 意见汇总表 (xlsx or csv)",
            description = "One row per surviving comment under its article, with the article's counts and the assessment.")
    @APIResponse(responseCode = "200", description = "The table", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = TableWriter.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = NO_DRAFT)
    public Response table(@PathParam("id") UUID id, @QueryParam("format") @DefaultValue("xlsx") String format) {
        Summary summary = drafts.summary(id, caller);
        return TableExports.stream(DraftReports.stem(id), format, "意见汇总", table -> DraftReports.write(summary, table));
    }

    @GET
    @Path("/{id}/summary.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "printDraftLawSummary", summary = "The printable 汇总 意见汇总表 (PDF)")
    @APIResponse(responseCode = "200", description = "The 汇总 as PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = NO_DRAFT)
    public Response pdf(@PathParam("id") UUID id) {
        CaseDocuments.Pdf document = reports.pdf(id, caller);
        return Response.ok(document.bytes(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
