package cn.lianluo.station.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.ActivityKind;
import cn.lianluo.station.rest.StationDtos.ActivityRequest;
import cn.lianluo.station.rest.StationDtos.ActivityView;
import cn.lianluo.station.service.ReceptionService;
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

/** Deputies' activities (代表活动: 五进, 代表讲堂, 调研视察, 议事会 …). */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ReceptionService receptions;
    private final Caller caller;

    public ActivityResource(ReceptionService receptions, Caller caller) {
        this.receptions = receptions;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Response record(@NotNull @Valid ActivityRequest request, @Context UriInfo uri) {
        ActivityView created = receptions.recordActivity(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** Activities inside the caller's region (or a region inside it). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Page<ActivityView> list(@QueryParam("region") String region, @QueryParam("kind") String kind,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var scope = caller.listScope(RegionCodes.optional("region", region));
        return receptions.activities(scope, QueryParams.enumValue("kind", kind, ActivityKind.class), page, size);
    }
}
