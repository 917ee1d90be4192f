package cn.lianluo.deputy.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.deputy.service.DeputyDtos.GroupRequest;
import cn.lianluo.deputy.service.DeputyDtos.GroupView;
import cn.lianluo.deputy.service.DeputyDtos.MemberRequest;
import cn.lianluo.deputy.service.GroupService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Deputy groups: 代表小组, 特色小组, 代表+专家 teams. */
@Path("/api/v1/groups")
@Tag(name = "deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;
    private final Caller caller;

    public GroupResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "createGroup", summary = "A deputy group 成立代表小组",
            description = "REGION_GROUP 代表小组, THEME_GROUP 特色小组 (with a theme), EXPERT_TEAM 代表+专家团队, in a region "
                    + "in the caller's scope.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已成立; Location is the group's address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "409", description = "Conflict 冲突: a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: this Idempotency-Key was used for another request")
    public Response create(@NotNull @Valid GroupRequest request, @Context UriInfo uri) {
        GroupView created = groups.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "listGroups", summary = "Groups 代表小组列表",
            description = "The groups of a region and the regions below it, with their members.")
    public Page<GroupView> list(
            @QueryParam("region") @Parameter(description = DeputyResource.REGION) String region,
            @QueryParam("page") @Parameter(description = "page, from 0") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @Parameter(description = "page size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return groups.list(caller.listScope(RegionCodes.optional("region", region)), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getGroup", summary = "A group 代表小组详情",
            description = "The group and its members, those who left with leftOn; a group of the caller's scope.")
    @APIResponseSchema(value = GroupView.class, responseCode = "200", responseDescription = "The group 代表小组")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such group")
    public GroupView get(@PathParam("id") UUID id) {
        return groups.get(id, caller);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "addGroupMember", summary = "Join a group 加入小组",
            description = "A deputy in scope (lianluo.deputy.group-joined.v1 on deputy.events), or an expert who is not a "
                    + "deputy in a 代表+专家 team: exactly one of deputyId and expert.")
    @APIResponseSchema(value = GroupView.class, responseCode = "200",
            responseDescription = "The group with its new member 已加入")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such group or deputy")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the deputy is already in the group (already-member)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an expert joins only an EXPERT_TEAM "
            + "(experts-only-in-teams)")
    public GroupView join(@PathParam("id") UUID id, @NotNull @Valid MemberRequest member) {
        return groups.join(id, member, caller);
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "removeGroupMember", summary = "Leave a group 退出小组",
            description = "The member leaves today (kept with leftOn); a deputy's leaving is "
                    + "lianluo.deputy.group-left.v1 on deputy.events.")
    @APIResponseSchema(value = GroupView.class, responseCode = "200",
            responseDescription = "The group, the member with leftOn 已退出")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such group, or no such member of it")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the member already left (already-left)")
    public GroupView leave(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return groups.leave(id, memberId, caller);
    }
}
