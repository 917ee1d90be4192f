package cn.lianluo.station.rest;

import cn.lianluo.station.rest.StationDtos.RegionView;
import cn.lianluo.station.service.RegionService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The region tree, public: a region with its children, so a front end walks province → township. */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "regions")
public class RegionResource {

    private final RegionService regions;

    public RegionResource(RegionService regions) {
        this.regions = regions;
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "A region and its children 行政区划",
            description = "The region tree: a region with its level, its parent and its children, so a front end walks "
                    + "province → city → county → township → village. 43 and 430000 are the same region.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no region has this code")
    public RegionView get(@Parameter(description = "行政区划代码 region code (43, 4331, 433124, 433124108…)", example = "4331")
                          @PathParam("code") String code) {
        return regions.get(code);
    }
}
