package cn.lianluo.cases.moderation.rest;

import cn.lianluo.cases.moderation.domain.ModeratedKind;
import cn.lianluo.cases.moderation.domain.ModerationDecision;
import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.cases.moderation.service.ModerationDtos.DecisionRequest;
import cn.lianluo.cases.moderation.service.ModerationDtos.ItemView;
import cn.lianluo.cases.moderation.service.ModerationDtos;
import cn.lianluo.cases.moderation.service.ModerationService;
import cn.lianluo.cases.rest.ApiDocs;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 内容审核: staff in scope judge citizens' proposals and evaluations' comments before the public sees them. */
@Path("/api/v1/moderation")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
public class ModerationResource {

    private final ModerationService moderation;
    private final Caller caller;

    public ModerationResource(ModerationService moderation, Caller caller) {
        this.moderation = moderation;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listModerationQueue", summary = "Moderation queue 内容审核队列", description = "Citizens' project "
            + "proposals and evaluations' comments of the region in a state (default PENDING: oldest first), each with the "
            + "text to judge, what the screen found in it and its decisions.")
    @APIResponse(responseCode = "200", description = "The items 待审核内容")
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: an unknown state or kind, a bad page")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a region outside the token's")
    public Page<ItemView> queue(@QueryParam("region") @Parameter(description = ApiDocs.REGION) String region,
                                @QueryParam("state") @Parameter(description = "PENDING (default), APPROVED or HIDDEN",
                                        schema = @Schema(implementation = ModerationState.class)) String state,
                                @QueryParam("kind") @Parameter(description = "PROJECT, EVALUATION or DRAFT_COMMENT (default: all)",
                                        schema = @Schema(implementation = ModeratedKind.class)) String kind,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(QueryParams.LAST_PAGE) @Parameter(description = "page, from 0") int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        ModerationState wanted = QueryParams.enumValue("state", state, ModerationState.class);
        return moderation.queue(caller.listScope(RegionCodes.optional("region", region)),
                wanted == null ? ModerationState.PENDING : wanted, QueryParams.enumValue("kind", kind, ModeratedKind.class), page, size);
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(operationId = "getModerationItem", summary = "A moderated item 审核内容详情",
            description = "The item with its state and every decision on it (who, when, why).")
    @APIResponse(responseCode = "200", description = "The item 审核内容")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: the item's region lies outside the token's")
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: a kind that is none of PROJECT, EVALUATION, DRAFT_COMMENT")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such project, or no such evaluation with a comment")
    public ItemView item(@PathParam("kind") @Parameter(description = "PROJECT, EVALUATION or DRAFT_COMMENT", schema = @Schema(implementation = ModeratedKind.class)) String kind,
                         @PathParam("id") UUID id) {
        return moderation.item(requireKind(kind), id, caller);
    }

    @POST
    @Path("/{kind}/{id}/{command}")
    @Operation(operationId = "decideModeration", summary = "Approve, hide or restore 审核: 通过 / 隐藏 / 恢复", description = "approve "
            + "(PENDING → APPROVED), hide (PENDING or APPROVED → HIDDEN: gone from the public views), restore (HIDDEN → "
            + "APPROVED). The reason is required to hide and to restore. The decision is kept in the item's history and "
            + "published as lianluo.case.moderation-decided.v1.")
    @APIResponse(responseCode = "200", description = "The item after the decision 审核后的内容")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: the item's region lies outside the token's")
    @APIResponse(responseCode = "400", description = "Bad request 请求参数有误: a kind or command that is none of the "
            + "documented ones (each named in errors)")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such item")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the item's state does not allow the decision (its "
            + "allowedCommands say which do)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: hide or restore without a reason")
    public ItemView decide(@PathParam("kind") @Parameter(description = "PROJECT, EVALUATION or DRAFT_COMMENT", schema = @Schema(implementation = ModeratedKind.class)) String kind,
                           @PathParam("id") UUID id,
                           @PathParam("command") @Parameter(description = "the decision", schema = @Schema(type = SchemaType.STRING,
                                   implementation = ModerationDtos.CommandName.class)) String command,
                           @NotNull @Valid DecisionRequest request) {
        // both path values are read before either is refused, so a 400 names every one that is wrong
        List<FieldError> errors = new ArrayList<>();
        ModeratedKind parsedKind = kind(kind);
        if (parsedKind == null) {
            errors.add(KIND_ERROR.apply(kind));
        }
        ModerationDecision decision = ModerationDecision.commands().stream().filter(d -> d.path().equals(command)).findFirst().orElse(null);
        if (decision == null) {
            errors.add(new FieldError("command", "'" + command + "' is not one of "
                    + ModerationDecision.commands().stream().map(ModerationDecision::path).toList()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request 请求参数有误",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return moderation.decide(parsedKind, id, decision, request.reason(), caller);
    }

    private static final Function<String, FieldError> KIND_ERROR =
            raw -> new FieldError("kind", "'" + raw + "' is not one of " + Arrays.toString(ModeratedKind.values()));

    /** PROJECT, EVALUATION or DRAFT_COMMENT (any case), else null. */
    private static ModeratedKind kind(String raw) {
        return Arrays.stream(ModeratedKind.values()).filter(k -> k.name().equalsIgnoreCase(raw.strip())).findFirst().orElse(null);
    }

    private static ModeratedKind requireKind(String raw) {
        ModeratedKind kind = kind(raw);
        if (kind == null) {
            FieldError error = KIND_ERROR.apply(raw);
            throw ProblemException.invalid(error.field(), error.message());
        }
        return kind;
    }
}
