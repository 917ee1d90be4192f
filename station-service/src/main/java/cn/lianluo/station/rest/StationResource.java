package cn.lianluo.station.rest;

import cn.lianluo.common.geo.CoordinateSystem;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.GeoPoint;
import cn.lianluo.station.domain.StationType;
import cn.lianluo.station.service.StationDtos.ReceptionDay;
import cn.lianluo.station.service.StationDtos.ReceptionRequest;
import cn.lianluo.station.service.StationDtos.ReceptionView;
import cn.lianluo.station.service.StationDtos.StandardRequest;
import cn.lianluo.station.service.StationDtos.StationRequest;
import cn.lianluo.station.service.StationDtos.StationSummary;
import cn.lianluo.station.service.StationDtos.StationView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Stations: the public finder and pages, and the writes of staff (region-scoped). */
@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "stations")
public class StationResource {

    static final String REGION = "行政区划代码 region code (43, 4331, 433124, 433124108…): this region and the regions inside it";

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

    /** The public finder: by region prefix, type and text, each with its next reception days; nearest first with near. */
    @GET
    @PermitAll
    @Operation(operationId = "findStations", summary = "Find stations 联络站查询",
            description = "The public finder: by region, type (STATION 联络站, HOME 代表之家, STUDIO 代表工作室, INDUSTRY 产业站, "
                    + "POINT 联络点, MOBILE 移动联络站) and text, each with its next 3 reception days (接待日). With `near` "
                    + "(the phone's position, when the user allows it), the nearest first by great-circle distance, each "
                    + "with `distanceMeters`; stations without coordinates come last. Stations' coordinates are GCJ-02 "
                    + "(高德/腾讯 maps); `near` is WGS-84 as a browser gives it and is converted to GCJ-02 before "
                    + "measuring, unless `nearSystem=GCJ02` says it was taken from such a map.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a region, type, page or size that does not "
            + "read, a `near` that is not latitude,longitude in range, or a `nearSystem` other than WGS84 or GCJ02")
    public Page<StationSummary> find(@Parameter(description = REGION + "; default: 43, all of Hunan") @QueryParam("region") String region,
                                     @Parameter(description = "the type of station",
                                             schema = @Schema(implementation = StationType.class)) @QueryParam("type") String type,
                                     @Parameter(description = "text in the name or the address") @QueryParam("q") @Size(max = 100) String q,
                                     @Parameter(description = "latitude,longitude in decimal degrees, WGS-84 as a browser's "
                                             + "geolocation gives them (28.59,109.48) unless `nearSystem` says GCJ02: "
                                             + "the nearest stations first",
                                             example = "28.59,109.48") @QueryParam("near") String near,
                                     @Parameter(description = "the datum of `near`: WGS84 (default; GPS, "
                                             + "`navigator.geolocation`) or GCJ02 (a point from 高德 or 腾讯 maps)",
                                             schema = @Schema(implementation = CoordinateSystem.class))
                                     @QueryParam("nearSystem") String nearSystem,
                                     @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        RegionCode requested = RegionCodes.optional("region", region);
        RegionCode scope = requested == null ? RegionCode.HUNAN : requested;
        CoordinateSystem system = QueryParams.enumValue("nearSystem", nearSystem, CoordinateSystem.class);
        return stations.find(scope, QueryParams.enumValue("type", type, StationType.class), q, point("near", near),
                system == null ? CoordinateSystem.WGS84 : system, page, size);
    }

    /** Stations by type and 六有 compliance, for a region and each child region (the gateway's dashboard). */
    @GET
    @Path("/statistics")
    @PermitAll
    @Operation(operationId = "getStationStatistics", summary = "Station statistics 联络站统计",
            description = "Stations by type and 六有 compliance, for a region and each child region that has stations.")
    public StationStatistics.Statistics statistics(@Parameter(description = REGION + "; default: 43, all of Hunan")
                                                   @QueryParam("region") String region) {
        RegionCode requested = RegionCodes.optional("region", region);
        return statistics.of(requested == null ? RegionCode.HUNAN : requested);
    }

    /** The public station page: address, schedule, next reception days, rules, 六有. */
    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getStation", summary = "A station's page 联络站详情",
            description = "Address, contact, notice, features, schedules, the next 6 reception days, rules documents, "
                    + "the 六有 checklist.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    public StationView get(@PathParam("id") UUID id) {
        return stations.get(id);
    }

    /** The public reception calendar. */
    @GET
    @Path("/{id}/reception-days")
    @PermitAll
    @Operation(operationId = "listReceptionDays", summary = "Reception calendar 接待日历",
            description = "The coming reception days of all the station's schedules, earliest first, on the working-day "
                    + "calendar: a day off is held, skipped or moved to the next working day as its schedule says "
                    + "(`moved`).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReceptionDay.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    public List<ReceptionDay> receptionDays(@PathParam("id") UUID id,
                                            @Parameter(description = "the first day to look at; default: today (China)")
                                            @QueryParam("from") LocalDate from,
                                            @Parameter(description = "how many days")
                                            @QueryParam("count") @DefaultValue("10") @Min(1) @Max(60) int count) {
        return stations.receptionDays(id, from, count);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "registerStation", summary = "Register a station 新建联络站",
            description = "A station with its rules documents, features and reception schedules, in the caller's region; "
                    + "its 六有 checklist starts unassessed. The answer's Location is the new station.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已创建: the station",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown region or parent station, a station "
            + "as its own parent, a schedule that yields no reception day, or an Idempotency-Key reused for another request")
    public Response register(@NotNull @Valid StationRequest request, @Context UriInfo uri) {
        StationView created = stations.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "updateStation", summary = "Change a station 修改联络站",
            description = "Same body as registration; it replaces what the station says (its 六有 checklist stays). "
                    + "The station and its new region both lie in the caller's region.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the station was changed at the same moment; read it again")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: an unknown region or parent station, a station "
            + "as its own parent, a schedule that yields no reception day")
    public StationView update(@PathParam("id") UUID id, @NotNull @Valid StationRequest request) {
        return stations.update(id, request, caller);
    }

    /** 六有 assessment, by the people's-congress office. */
    @PUT
    @Path("/{id}/standard")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "assessStationStandard", summary = "Assess 六有 六有达标评定",
            description = "Items SITE 有场所, SIGN 有牌子, RULES 有制度, STAFF 有人员, ACTIVITIES 有活动, RECORDS 有台账; "
                    + "items not named stay as they were. The station is up to standard when all six are met.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the station was changed at the same moment; read it again")
    public StationView assessStandard(@PathParam("id") UUID id, @NotNull @Valid StandardRequest request) {
        return stations.assessStandard(id, request, caller);
    }

    /** A reception held (进站接待): each deputy on duty gets a station entry. */
    @POST
    @Idempotent
    @Path("/{id}/receptions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "recordReception", summary = "A reception held 进站接待",
            description = "Each deputy on duty gets a station entry (进站), counted for points: one per deputy, station and "
                    + "day, however many receptions name them. Only active deputies who belong to the station (assigned "
                    + "to it, or living in its region) may be named; any other id (unknown, inactive, of another region) "
                    + "is a 422 naming it in errors (deputyIds[i]). The date may not lie in the future.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Created 已创建: the reception",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceptionView.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a named deputy who may not be credited at "
            + "this station, a date in the future, or an Idempotency-Key reused for another request")
    public Response recordReception(@PathParam("id") UUID id, @NotNull @Valid ReceptionRequest request,
                                    @Context UriInfo uri) {
        ReceptionView created = receptions.recordReception(id, request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}/receptions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "listReceptions", summary = "Receptions held 接待记录",
            description = "The receptions held at a station inside the caller's region, the latest first.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    public Page<ReceptionView> receptions(@PathParam("id") UUID id,
                                          @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return receptions.receptions(id, page, size, caller);
    }

    private static GeoPoint point(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return GeoPoint.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, e.getMessage());
        }
    }
}
