package cn.lianluo.station.rest;

import cn.lianluo.station.rest.StationDtos.RegionView;
import cn.lianluo.station.service.RegionService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The region tree, public: a region with its children, so a front end walks province → township. */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RegionResource {

    private final RegionService regions;

    public RegionResource(RegionService regions) {
        this.regions = regions;
    }

    @GET
    @Path("/{code}")
    public RegionView get(@PathParam("code") String code) {
        return regions.get(code);
    }
}
