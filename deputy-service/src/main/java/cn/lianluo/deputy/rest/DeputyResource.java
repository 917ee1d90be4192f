package cn.lianluo.deputy.rest;

import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.rest.TableExports;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.service.DeputyDtos.ContactUpdate;
import cn.lianluo.deputy.service.DeputyDtos.Coverage;
import cn.lianluo.deputy.service.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.service.DeputyDtos.DeputySummary;
import cn.lianluo.deputy.service.DeputyDtos.DeputyView;
import cn.lianluo.deputy.service.DeputyDtos.Dossier;
import cn.lianluo.deputy.service.DeputyDtos.EndMandate;
import cn.lianluo.deputy.service.DeputyDtos.ImportResult;
import cn.lianluo.deputy.service.DeputyDtos.MandateInput;
import cn.lianluo.deputy.service.DeputyDtos.ProfileUpdate;
import cn.lianluo.deputy.service.DeputyDtos.Republished;
import cn.lianluo.deputy.service.DeputyDtos.RosterDeputy;
import cn.lianluo.deputy.service.DeputyDtos.StationRef;
import cn.lianluo.deputy.service.AssignmentService;
import cn.lianluo.deputy.service.DeputyService;
import cn.lianluo.deputy.service.DeputyStatistics;
import cn.lianluo.deputy.service.DossierService;
import cn.lianluo.deputy.service.RollFiles;
import cn.lianluo.deputy.service.RollImport;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The roll of deputies (代表), their mandates, station assignments (进站) and dossier data. */
@Path("/api/v1/deputies")
@Tag(name = "deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeputyResource {

    /** How every {@code region} parameter of the API reads. */
    static final String REGION = "行政区划代码 region code (43, 4308, 430822, 430822207…); default: the caller's scope";

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
    @Operation(operationId = "registerDeputy", summary = "Register a deputy 代表登记",
            description = "One deputy per person and region (name + birth year); several mandates (level, term 届); "
                    + "with homeStationId, put in that station (进站) in the same step.")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "201", description = "Registered 已登记; Location is the deputy's address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyView.class)))
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the person is already registered in the region "
            + "(duplicate-deputy), or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: homeStationId is not a known station "
            + "(unknown-station), or this Idempotency-Key was used for another request")
    public Response register(@NotNull @Valid DeputyRequest request, @Context UriInfo uri) {
        DeputyView created = assignments.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** The roll of a region (the caller's by default); phones masked. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "listDeputies", summary = "The roll 代表名册",
            description = "Deputies of the region, by region code and name; phones masked (139****5678).")
    public Page<DeputySummary> list(
            @QueryParam("region") @Parameter(description = REGION) String region,
            @QueryParam("level") @Parameter(description = "holds an active mandate of this level",
                    schema = @Schema(implementation = DeputyLevel.class)) String level,
            @QueryParam("active") @Parameter(description = "true: holds an active mandate (在任); false: holds none")
            Boolean active,
            @QueryParam("q") @Parameter(description = "part of the name 姓名") @Size(max = 50) String q,
            @QueryParam("page") @Parameter(description = "page, from 0") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @Parameter(description = "page size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return deputies.list(scope(region), QueryParams.enumValue("level", level, DeputyLevel.class), active, q, page, size);
    }

    /** The roll of a region read by cursor, for systems that sync it. */
    @GET
    @Path("/changes")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "listDeputyChanges", summary = "The roll by cursor 代表名册增量同步",
            description = "The deputies of listDeputies' scope, as listDeputies shows them (phones masked); a change to a "
                    + "deputy's mandates or home station is a change to the deputy. " + Cursor.CHANGES)
    public CursorPage<DeputySummary> changes(
            @QueryParam("region") @Parameter(description = REGION) String region,
            @QueryParam(Cursor.PARAM) @Parameter(description = Cursor.AFTER) String after,
            @QueryParam("size") @Parameter(description = "page size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return deputies.changes(scope(region), Cursor.parse(after), size);
    }

    /** Active deputies by level and assigned, for a region and each child region (the gateway's dashboard). */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getDeputyStatistics", summary = "Deputy statistics 代表统计",
            description = "Active deputies by level and how many have a home station, for the region and each child region.")
    public DeputyStatistics.Statistics statistics(@QueryParam("region") @Parameter(description = REGION) String region) {
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
    @Operation(operationId = "republishDeputies", summary = "重发代表事件 Send a region's deputies on deputy.events again",
            description = "Every deputy of the region again as lianluo.deputy.updated.v1, with their open station "
                    + "assignments as lianluo.deputy.assigned.v1, so a consumer that started after the topic's retention "
                    + "(station-service's deputy copy on an older installation) learns the deputies of before; a copy "
                    + "already up to date does not change. A county at a time: one transaction.")
    public Republished republish(@QueryParam("region") @Parameter(required = true,
            description = "行政区划代码 region code (43, 4308, 430822, 430822207…)") String region) {
        return deputies.republish(RegionCodes.field("region", region), caller);
    }

    /** 全员入站 coverage: active deputies of a region and how many have a home station. */
    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "getDeputyCoverage", summary = "全员入站 coverage 代表进站率",
            description = "Active deputies of the region, how many have a home station, and the share.")
    public Coverage coverage(@QueryParam("region") @Parameter(description = REGION) String region) {
        return assignments.coverage(scope(region));
    }

    /** The public roster of a station (进站代表): who a citizen may meet there, and nothing private about them. */
    @GET
    @Path("/roster")
    @PermitAll
    @Operation(operationId = "getStationRoster", summary = "A station's deputies 联络站进站代表名单",
            description = "The deputies who sit at a station today (its home deputies and those who also sit there, 驻站) "
                    + "and hold an active mandate, the highest congress level first, then by name: id, name, gender, the "
                    + "levels they sit in and whether it is their home station. Nothing else of a deputy (no phone, birth "
                    + "year, electoral unit). A station deputy-service does not know, or where nobody sits, is an empty list.")
    @APIResponse(responseCode = "200", description = "The roster 进站代表",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RosterDeputy.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: no station, or a station id that is not a UUID")
    public List<RosterDeputy> roster(@QueryParam("station") @Parameter(required = true, description = "the station's id 联络站ID")
                                     @NotNull UUID station) {
        return assignments.roster(station);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "getDeputy", summary = "A deputy 代表详情",
            description = "Whole phone for staff in scope and the deputy themself; a deputy reads only their own record.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200", responseDescription = "The deputy 代表")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    public DeputyView get(@PathParam("id") UUID id) {
        return deputies.get(id, caller);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "updateDeputy", summary = "Change a deputy's profile 修改代表信息",
            description = "The whole profile (name, gender, ethnicity, birth year, party, occupation, electoral unit, "
                    + "phone); mandates and stations have their own operations.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200", responseDescription = "Changed 已修改")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    @APIResponse(responseCode = "409", description = "Conflict 数据冲突: another deputy of the region has this name and birth year")
    public DeputyView update(@PathParam("id") UUID id, @NotNull @Valid ProfileUpdate update) {
        return deputies.updateProfile(id, update, caller);
    }

    /** A deputy's own contact details. */
    @PUT
    @Path("/{id}/contact")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY})
    @Operation(operationId = "updateDeputyContact", summary = "A deputy's own contact 修改联系方式",
            description = "A deputy changes their own phone; staff in scope may too.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200", responseDescription = "Changed 已修改")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    public DeputyView updateContact(@PathParam("id") UUID id, @NotNull @Valid ContactUpdate update) {
        return deputies.updateContact(id, update, caller);
    }

    @POST
    @Path("/{id}/mandates")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "addMandate", summary = "Add a mandate 增加代表职务",
            description = "A further level and term (届) for the same person.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200",
            responseDescription = "The deputy with the new mandate 已增加")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the deputy already holds this level and term "
            + "(duplicate-mandate)")
    public DeputyView addMandate(@PathParam("id") UUID id, @NotNull @Valid MandateInput mandate) {
        return deputies.addMandate(id, mandate, caller);
    }

    @POST
    @Path("/{id}/mandates/{mandateId}/end")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "endMandate", summary = "End a mandate 终止代表资格",
            description = "TERM_ENDED 届满, RESIGNED 辞职, REMOVED 罢免; when it was the last active mandate, the "
                    + "deputy's station assignments end with it.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200",
            responseDescription = "The deputy with the mandate ended 已终止")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy, or no such mandate of theirs")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the mandate already ended (mandate-ended)")
    public DeputyView endMandate(@PathParam("id") UUID id, @PathParam("mandateId") UUID mandateId,
                                 @NotNull @Valid EndMandate end) {
        return deputies.endMandate(id, mandateId, end, caller);
    }

    /** The home station (进站). */
    @PUT
    @Path("/{id}/station")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "setHomeStation", summary = "Home station 进站",
            description = "The deputy's home station from today; the former one ends (history kept). The station must "
                    + "be known and in scope.")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200",
            responseDescription = "The deputy in their new home station 已进站")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the deputy holds no active mandate (deputy-not-active)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the station is not known (unknown-station)")
    public DeputyView makeHome(@PathParam("id") UUID id, @NotNull @Valid StationRef station) {
        return assignments.makeHome(id, station.stationId(), caller);
    }

    /** A further station the deputy sits in (乡级站集中周边村的代表驻站). */
    @POST
    @Path("/{id}/stations")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "addDeputyStation", summary = "Sit also in a station 驻站",
            description = "A further station the deputy sits in, besides the home station (乡级站集中周边村的代表驻站).")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200",
            responseDescription = "The deputy with the further station 已驻站")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the deputy holds no active mandate (deputy-not-active)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the station is not known (unknown-station)")
    public DeputyView sitAlsoIn(@PathParam("id") UUID id, @NotNull @Valid StationRef station) {
        return assignments.sitAlsoIn(id, station.stationId(), caller);
    }

    @DELETE
    @Path("/{id}/stations/{stationId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "leaveDeputyStation", summary = "Leave a station 离站",
            description = "The deputy's assignment to the station ends today (history kept).")
    @APIResponseSchema(value = DeputyView.class, responseCode = "200",
            responseDescription = "The deputy without the station 已离站")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such deputy")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the deputy does not sit in this station (not-assigned)")
    public DeputyView leave(@PathParam("id") UUID id, @PathParam("stationId") UUID stationId) {
        return assignments.leave(id, stationId, caller);
    }

    /**
     * deputy-service's part of 一人一档, for the gateway: the gateway answers {@code GET /api/v1/deputies/{id}/dossier}
     * itself (this part with points, cases and suggestions), so this one is not in the public document.
     */
    @GET
    @Path("/{id}/dossier")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(hidden = true)
    public Dossier dossier(@PathParam("id") UUID id) {
        return dossiers.dossier(id, caller);
    }

    /** Bulk import of a roll: CSV (UTF-8 or GBK/GB18030) or .xlsx; all rows or none. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv", RollFiles.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "importDeputies", summary = "Import a roll 名册导入",
            description = "A roll file with the header row of the export (姓名, 性别, 民族, 出生年份, 政治面貌, 职业, 选区, "
                    + "行政区划代码, 联系电话, 代表层级, 届次, 任期开始, 任期结束, 联络站ID), one row per mandate: `text/csv` "
                    + "(UTF-8 with or without BOM, or GBK/GB18030; a declared charset is taken at its word) or .xlsx (the "
                    + "first sheet; no formula cells). All rows or none; a second mandate of a person already on the roll is "
                    + "added to their record.")
    @APIResponse(responseCode = "200", description = "Imported 已导入",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: an empty file, a file that is neither UTF-8 nor "
            + "GBK text, an unknown charset, a CSV or sheet that cannot be read")
    @APIResponse(responseCode = "413", description = "Payload too large 请求体过大: a body over 1 MiB, or more rows than "
            + "an import takes (10,000 by default; too-many-rows)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: rows rejected, nothing imported "
            + "(import-rejected, errors[{field: \"row 5: 民族\"}]), a formula cell, no header row (import-header) or "
            + "no rows (import-empty)")
    @RequestBody(required = true, description = "the roll file 代表名册", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = RollFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public ImportResult importRoll(byte[] body,
                                   @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        MediaType type = MediaType.valueOf(contentType);
        String media = type.getType() + "/" + type.getSubtype();
        return roll.importRoll(body, media, type.getParameters().get("charset"), caller);
    }

    /** The roll of a region as CSV (UTF-8 with BOM) or .xlsx, one row per active mandate. */
    @GET
    @Path("/export")
    @Produces({"text/csv", RollFiles.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "exportDeputies", summary = "Export the roll 名册导出",
            description = "The region's roll, one row per active mandate, with the columns the import reads: CSV (UTF-8 "
                    + "with BOM) or .xlsx (every cell a text cell), as an attachment (deputies-<region>.csv/.xlsx). Written "
                    + "from a database cursor into a temporary file, then sent with its length: constant memory whatever "
                    + "the region.")
    @APIResponse(responseCode = "200", description = "The roll 代表名册",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"deputies-<region>.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = RollFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@QueryParam("region") @Parameter(description = REGION) String region,
                           @QueryParam("format") @Parameter(description = "csv or xlsx", schema = @Schema(
                                   type = SchemaType.STRING, enumeration = {"csv", "xlsx"}, defaultValue = "csv"))
                           @DefaultValue("csv") String format) {
        RegionCode scope = scope(region);
        return TableExports.stream("deputies-" + scope.value(), format, RollFiles.SHEET, table -> roll.export(scope, table));
    }

    private RegionCode scope(String region) {
        return caller.listScope(RegionCodes.optional("region", region));
    }

}
