package cn.lianluo.cases.units.rest;

import cn.lianluo.cases.rest.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 承办单位: the units of a region and above it. */
@Path("/api/v1/units")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Schema(name = "NewUnit")
    public record NewUnit(@NotBlank @Size(max = 100) String name,
                          @NotBlank @Schema(description = "行政区划代码 of a township or above") String regionCode,
                          @Schema(description = "default DEPARTMENT") UnitService.UnitKind kind) {
    }

    private final UnitService units;
    private final Caller caller;

    public UnitResource(UnitService units, Caller caller) {
        this.units = units;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "listUnits", summary = "Handling units 承办单位",
            description = "Units of a region, below it and above it (where a case can be escalated); reference data for "
                    + "every signed-in caller.")
    public Page<UnitService.UnitView> list(@QueryParam("region") @Parameter(description = "行政区划代码 region code; default: the token's region") String region,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "page, from 0") int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "page size") int size) {
        var requested = RegionCodes.optional("region", region);
        return units.list(requested == null ? caller.region() : requested, page, size);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "createUnit", summary = "A handling unit 新增承办单位",
            description = "A unit of a township or above, inside the token's region.")
    @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Created 已新增",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitService.UnitView.class)))
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the Idempotency-Key's first request is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a village's region (units sit at township level "
            + "or above), or the Idempotency-Key reused for another request")
    public Response create(@NotNull @Valid NewUnit unit) {
        return Response.status(201).entity(units.create(new UnitService.UnitRequest(unit.name(), unit.regionCode(), unit.kind()),
                caller, null)).build();
    }
}
