package cn.lianluo.deputy.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.rest.DeputyDtos.ContactUpdate;
import cn.lianluo.deputy.rest.DeputyDtos.Coverage;
import cn.lianluo.deputy.rest.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.rest.DeputyDtos.DeputySummary;
import cn.lianluo.deputy.rest.DeputyDtos.DeputyView;
import cn.lianluo.deputy.rest.DeputyDtos.Dossier;
import cn.lianluo.deputy.rest.DeputyDtos.EndMandate;
import cn.lianluo.deputy.rest.DeputyDtos.ImportResult;
import cn.lianluo.deputy.rest.DeputyDtos.MandateInput;
import cn.lianluo.deputy.rest.DeputyDtos.ProfileUpdate;
import cn.lianluo.deputy.rest.DeputyDtos.StationRef;
import cn.lianluo.deputy.service.AssignmentService;
import cn.lianluo.deputy.service.DeputyService;
import cn.lianluo.deputy.service.DeputyStatistics;
import cn.lianluo.deputy.service.DossierService;
import cn.lianluo.deputy.service.RollFiles;
import cn.lianluo.deputy.service.RollImport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** The roll of deputies (代表), their mandates, station assignments (进站) and dossier data. */
@Path("/api/v1/deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeputyResource {

    private final DeputyService deputies;
    private final AssignmentService assignments;
    private final DossierService dossiers;
    private final RollImport roll;
    private final Caller caller;
    private final DeputyStatistics statistics;

    public DeputyResource(DeputyService deputies, AssignmentService assignments, DossierService dossiers,
                          RollImport roll, Caller caller, DeputyStatistics statistics) {
        this.statistics = statistics;
        this.deputies = deputies;
        this.assignments = assignments;
        this.dossiers = dossiers;
        this.roll = roll;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response register(@NotNull @Valid DeputyRequest request, @Context UriInfo uri) {
        DeputyView created = assignments.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** The roll of a region (the caller's by default); phones masked. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Page<DeputySummary> list(@QueryParam("region") String region, @QueryParam("level") String level,
                                    @QueryParam("active") Boolean active, @QueryParam("q") @Size(max = 50) String q,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return deputies.list(scope(region), QueryParams.enumValue("level", level, DeputyLevel.class), active, q, page, size);
    }

    /** Active deputies by level and assigned, for a region and each child region (the gateway's dashboard). */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public DeputyStatistics.Statistics statistics(@QueryParam("region") String region) {
        return statistics.of(scope(region));
    }

    /**
     * Sends the region's deputies and their station assignments on deputy.events again (an installation older than
     * the topic's retention, a consumer added later); ADMIN only, in scope.
     */
    @POST
    @Path("/republish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public DeputyDtos.Republished republish(@QueryParam("region") String region) {
        return deputies.republish(RegionCodes.field("region", region), caller);
    }

    /** 全员入站 coverage: active deputies of a region and how many have a home station. */
    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public Coverage coverage(@QueryParam("region") String region) {
        return assignments.coverage(scope(region));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public DeputyView get(@PathParam("id") UUID id) {
        return deputies.get(id, caller);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public DeputyView update(@PathParam("id") UUID id, @NotNull @Valid ProfileUpdate update) {
        return deputies.updateProfile(id, update, caller);
    }

    /** A deputy's own contact details. */
    @PUT
    @Path("/{id}/contact")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY})
    public DeputyView updateContact(@PathParam("id") UUID id, @NotNull @Valid ContactUpdate update) {
        return deputies.updateContact(id, update, caller);
    }

    @POST
    @Path("/{id}/mandates")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public DeputyView addMandate(@PathParam("id") UUID id, @NotNull @Valid MandateInput mandate) {
        return deputies.addMandate(id, mandate, caller);
    }

    @POST
    @Path("/{id}/mandates/{mandateId}/end")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public DeputyView endMandate(@PathParam("id") UUID id, @PathParam("mandateId") UUID mandateId,
                                 @NotNull @Valid EndMandate end) {
        return deputies.endMandate(id, mandateId, end, caller);
    }

    /** The home station (进站). */
    @PUT
    @Path("/{id}/station")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public DeputyView makeHome(@PathParam("id") UUID id, @NotNull @Valid StationRef station) {
        return assignments.makeHome(id, station.stationId(), caller);
    }

    /** A further station the deputy sits in (乡级站集中周边村的代表驻站). */
    @POST
    @Path("/{id}/stations")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public DeputyView sitAlsoIn(@PathParam("id") UUID id, @NotNull @Valid StationRef station) {
        return assignments.sitAlsoIn(id, station.stationId(), caller);
    }

    @DELETE
    @Path("/{id}/stations/{stationId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public DeputyView leave(@PathParam("id") UUID id, @PathParam("stationId") UUID stationId) {
        return assignments.leave(id, stationId, caller);
    }

    /** deputy-service's part of 一人一档, for the gateway. */
    @GET
    @Path("/{id}/dossier")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    public Dossier dossier(@PathParam("id") UUID id) {
        return dossiers.dossier(id, caller);
    }

    /** Bulk import of a roll: CSV (UTF-8 or GBK/GB18030) or .xlsx; all rows or none. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv", RollFiles.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ImportResult importRoll(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        MediaType type = MediaType.valueOf(contentType);
        String media = type.getType() + "/" + type.getSubtype();
        return roll.importRoll(body, media, type.getParameters().get("charset"), caller);
    }

    /** The roll of a region as CSV (UTF-8 with BOM) or .xlsx, one row per active mandate. */
    @GET
    @Path("/export")
    @Produces({"text/csv", RollFiles.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response export(@QueryParam("region") String region, @QueryParam("format") @DefaultValue("csv") String format) {
        RegionCode scope = scope(region);
        var rows = roll.exportRows(scope);
        String stem = "deputies-" + scope.value();
        return switch (format.toLowerCase()) {
            case "csv" -> Response.ok(RollFiles.writeCsv(rows), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + stem + ".csv\"").build();
            case "xlsx" -> Response.ok(RollFiles.writeXlsx(rows), RollFiles.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + stem + ".xlsx\"").build();
            default -> throw ProblemException.invalid("format", "csv or xlsx");
        };
    }

    private RegionCode scope(String region) {
        return caller.listScope(RegionCodes.optional("region", region));
    }

}
