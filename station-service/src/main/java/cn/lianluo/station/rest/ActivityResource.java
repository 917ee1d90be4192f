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
    private final Caller caller;

    public ActivityResource(ReceptionService receptions, Caller caller) {
        this.receptions = receptions;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "recordActivity", summary = "An activity held 代表活动",
            description = "Kinds FIVE_INTO 五进 (with fiveIntoTarget, and only it), TRAINING 代表讲堂, SURVEY 调研视察, "
                    + "DELIBERATION 议事会, EXCHANGE 履职交流座谈会, PUBLIC_WELFARE 公益, LIVESTREAM 直播带货; held at a station "
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
