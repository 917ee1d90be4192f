package cn.lianluo.station.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.ReceptionDay;
import cn.lianluo.station.domain.StationType;
import cn.lianluo.station.rest.StationDtos.ReceptionRequest;
import cn.lianluo.station.rest.StationDtos.ReceptionView;
import cn.lianluo.station.rest.StationDtos.StandardRequest;
import cn.lianluo.station.rest.StationDtos.StationRequest;
import cn.lianluo.station.rest.StationDtos.StationSummary;
import cn.lianluo.station.rest.StationDtos.StationView;
import cn.lianluo.station.service.ReceptionService;
import cn.lianluo.station.service.Regions;
import cn.lianluo.station.service.StationService;
import cn.lianluo.station.service.StationStatistics;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Stations: the public finder and pages, and the writes of staff (region-scoped). */
@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource {

    private final StationService stations;
    private final ReceptionService receptions;
    private final Caller caller;
    private final StationStatistics statistics;

    public StationResource(StationService stations, ReceptionService receptions, Caller caller, StationStatistics statistics) {
        this.statistics = statistics;
        this.stations = stations;
        this.receptions = receptions;
        this.caller = caller;
    }

    /** The public finder: by region prefix, type and text, each with its next reception days. */
    @GET
    @PermitAll
    public Page<StationSummary> find(@QueryParam("region") String region, @QueryParam("type") String type,
                                     @QueryParam("q") @Size(max = 100) String q,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        RegionCode requested = RegionCodes.optional("region", region);
        RegionCode scope = requested == null ? RegionCode.HUNAN : requested;
        return stations.find(scope, QueryParams.enumValue("type", type, StationType.class), q, page, size);
    }

    /** Stations by type and 六有 compliance, for a region and each child region (the gateway's dashboard). */
    @GET
    @Path("/statistics")
    @PermitAll
    public StationStatistics.Statistics statistics(@QueryParam("region") String region) {
        RegionCode requested = RegionCodes.optional("region", region);
        return statistics.of(requested == null ? RegionCode.HUNAN : requested);
    }

    /** The public station page: address, schedule, next reception days, rules, 六有. */
    @GET
    @Path("/{id}")
    @PermitAll
    public StationView get(@PathParam("id") UUID id) {
        return stations.get(id);
    }

    /** The public reception calendar. */
    @GET
    @Path("/{id}/reception-days")
    @PermitAll
    public List<ReceptionDay> receptionDays(@PathParam("id") UUID id, @QueryParam("from") LocalDate from,
                                            @QueryParam("count") @DefaultValue("10") @Min(1) @Max(60) int count) {
        return stations.receptionDays(id, from, count);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Response register(@NotNull @Valid StationRequest request, @Context UriInfo uri) {
        StationView created = stations.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public StationView update(@PathParam("id") UUID id, @NotNull @Valid StationRequest request) {
        return stations.update(id, request, caller);
    }

    /** 六有 assessment, by the people's-congress office. */
    @PUT
    @Path("/{id}/standard")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public StationView assessStandard(@PathParam("id") UUID id, @NotNull @Valid StandardRequest request) {
        return stations.assessStandard(id, request, caller);
    }

    /** A reception held (进站接待): each deputy on duty gets a station entry. */
    @POST
    @Idempotent
    @Path("/{id}/receptions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Response recordReception(@PathParam("id") UUID id, @NotNull @Valid ReceptionRequest request,
                                    @Context UriInfo uri) {
        ReceptionView created = receptions.recordReception(id, request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}/receptions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Page<ReceptionView> receptions(@PathParam("id") UUID id,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return receptions.receptions(id, page, size, caller);
    }
}
