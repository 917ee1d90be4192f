package cn.lianluo.cases.units.rest;

import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 承办单位: the units of a region and above it. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    public record NewUnit(@NotBlank @Size(max = 100) String name, @NotBlank String regionCode, UnitService.UnitKind kind) {
    }

    private final UnitService units;
    private final Caller caller;

    public UnitResource(UnitService units, Caller caller) {
        this.units = units;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public Page<UnitService.UnitView> list(@QueryParam("region") String region,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var requested = RegionCodes.optional("region", region);
        return units.list(requested == null ? caller.region() : requested, page, size);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response create(@NotNull @Valid NewUnit unit) {
        return Response.status(201).entity(units.create(new UnitService.UnitRequest(unit.name(), unit.regionCode(), unit.kind()),
                caller, null)).build();
    }
}
