package cn.lianluo.cases.suggestions.rest;

import cn.lianluo.cases.rest.ApiDocs;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionCommandBody;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionRequest;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionView;
import cn.lianluo.cases.suggestions.service.PlanningStatistics;
import cn.lianluo.cases.suggestions.service.SuggestionDtos;
import cn.lianluo.cases.suggestions.service.SuggestionService;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 代表建议: made by deputies (also 联名), from cases, through the units to the deputy's rating. */
@Path("/api/v1/suggestions")
@Tag(name = "suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    private final SuggestionService suggestions;
    private final PlanningStatistics statistics;
    private final Caller caller;

    public SuggestionResource(SuggestionService suggestions, PlanningStatistics statistics, Caller caller) {
        this.suggestions = suggestions;
        this.statistics = statistics;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.DEPUTY, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "submitSuggestion", summary = "Make a suggestion 代表建议", description = "From cases of "
            + "the deputy's region (links both ways), alone or 联名: coDeputyIds are deputies of the lead deputy's region "
            + "(else 422 naming each), who join when each confirms (POST /suggestions/{id}/co-signers/confirm). A deputy "
            + "makes it as themself; staff name the lead deputy.")
    @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Made 已提出",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the Idempotency-Key's first request is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown or inactive deputy, co-signers of "
            + "another region, unknown cases or cases outside the deputy's region, or the Idempotency-Key reused for "
            + "another request")
    public Response submit(@NotNull @Valid SuggestionRequest request, @Context UriInfo uri) {
        SuggestionView created = suggestions.submit(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "listSuggestions", summary = "Suggestions 建议列表",
            description = "The suggestions of a region in the caller's scope.")
    public Page<SuggestionView> list(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                     @QueryParam("deputy") @Parameter(description = "the lead deputy") UUID deputy,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "page, from 0") int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        return suggestions.list(caller.listScope(RegionCodes.optional("region", region)), deputy, page, size);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getSuggestionStatistics", summary = "Suggestion statistics 建议统计",
            description = "By status and grade, key suggestions, answered on time, deputies' satisfaction, per child region.")
    public PlanningStatistics.SuggestionStatistics statistics(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region) {
        return statistics.suggestions(caller.listScope(RegionCodes.optional("region", region)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "getSuggestion", summary = "A suggestion 建议详情",
            description = "With its units' answers, allowedCommands and the timeline.")
    @APIResponse(responseCode = "200", description = "The suggestion 建议")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such suggestion")
    public SuggestionView get(@PathParam("id") UUID id) {
        return suggestions.get(id, caller);
    }

    /** 联名确认: a deputy named in {@code coDeputyIds} confirms co-signing, as themself; no body. */
    @POST
    @Path("/{id}/co-signers/confirm")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DEPUTY)
    @Operation(operationId = "confirmSuggestionCoSigning", summary = "Confirm co-signing a suggestion 联名确认",
            description = "A deputy named in the suggestion's coDeputyIds confirms it as themself (the token's deputyId); "
                    + "联名 counts, and is credited SUGGESTION_JOINED, from this confirmation, not from being named. No body. "
                    + "403 for any other role or outside the suggestion's region.")
    @APIResponse(responseCode = "200", description = "The suggestion with the confirmation 联名确认后的建议")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such suggestion")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the suggestion is closed, the caller is not named as a "
            + "co-signer, or has already confirmed")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the caller is not an active deputy")
    public SuggestionView confirmCoSigning(@PathParam("id") UUID id) {
        return suggestions.confirmCoSigning(id, caller);
    }

    /** {@code assign, co-answer, answer, rate, request-extension, approve-extension, supervise, mark-key}. */
    @POST
    @Path("/{id}/{command}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "runSuggestionCommand", summary = "A command of the suggestion loop 建议办理",
            description = "assign 交办 {leadUnitId, coUnitIds} (units at the suggestion's region or above it, else 422), "
                    + "co-answer 协办答复 {content}, answer 主办答复 {content, grade A|B|C|D}, rate 代表评价 {satisfaction}, "
                    + "request-extension 申请延期 {months ≤ 3}, approve-extension, supervise 督办 {note}, mark-key 重点建议. "
                    + "The command is one of the suggestion's allowedCommands; another is 409 naming the allowed. Answers "
                    + "the suggestion as it is afterwards.")
    @APIResponse(responseCode = "200", description = "The suggestion after the command 办理后的建议")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such suggestion")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the suggestion's state does not allow the command "
            + "(errors name the allowed)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown unit or one outside the suggestion's "
            + "region and those above it, or an extension asked after the reply is due")
    public SuggestionView command(@PathParam("id") UUID id,
                                  @PathParam("command") @Parameter(description = "the command, as allowedCommands lists it",
                                          schema = @Schema(implementation = SuggestionDtos.CommandName.class)) String command,
                                  @RequestBody(required = false, description = "the fields the command reads; none for a command that reads none") @Valid SuggestionCommandBody body) {
        SuggestionCommand parsed = QueryParams.spelled("command", command, SuggestionCommand.values(), SuggestionCommand::path);
        return suggestions.command(id, parsed, body, caller);
    }
}
