package cn.lianluo.deputy.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.deputy.rest.DeputyDtos.GroupRequest;
import cn.lianluo.deputy.rest.DeputyDtos.GroupView;
import cn.lianluo.deputy.rest.DeputyDtos.MemberRequest;
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

import java.util.UUID;

/** Deputy groups: 代表小组, 特色小组, 代表+专家 teams. */
@Path("/api/v1/groups")
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
    public Response create(@NotNull @Valid GroupRequest request, @Context UriInfo uri) {
        GroupView created = groups.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Page<GroupView> list(@QueryParam("region") String region,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return groups.list(caller.listScope(RegionCodes.optional("region", region)), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public GroupView get(@PathParam("id") UUID id) {
        return groups.get(id, caller);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public GroupView join(@PathParam("id") UUID id, @NotNull @Valid MemberRequest member) {
        return groups.join(id, member, caller);
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public GroupView leave(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return groups.leave(id, memberId, caller);
    }
}
