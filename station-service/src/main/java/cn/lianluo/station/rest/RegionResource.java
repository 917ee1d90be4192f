package cn.lianluo.station.rest;

import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.service.StationDtos.RegionImportResult;
import cn.lianluo.station.service.StationDtos.RegionView;
import cn.lianluo.station.service.RegionService;
import cn.lianluo.station.service.RegionTrees;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The region tree, public: a region with its children, so a front end walks province → township; ADMIN imports more. */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "regions")
public class RegionResource {

    private final RegionService regions;
    private final RegionTrees trees;
    private final Caller caller;

    public RegionResource(RegionService regions, RegionTrees trees, Caller caller) {
        this.regions = regions;
        this.trees = trees;
        this.caller = caller;
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

    /** An ADMIN adds regions (another province, villages) or renames them: all of a file or nothing. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importRegions", summary = "Import regions 行政区划导入",
            description = "A region tree as CSV (UTF-8, with or without BOM) with the header `code,name,level,parent_code`, "
                    + "one region a line: its code (significant-prefix form 44, 4401, 440103, 440103001, or the 6- and "
                    + "12-digit official forms), its name, its level (province, city, county, township, village — it must "
                    + "match the code's length) and its parent's code (empty for a province; it must be the code's own "
                    + "parent, in the file or already known). Every region must lie in the caller's scope. All lines or "
                    + "none: regions missing are added, regions known under another name are renamed, and the event "
                    + "lianluo.station.regions-imported.v1 tells what changed. The shipped provinces (Hunan, 43) load at "
                    + "every start without this; a name changed here is kept at the next start.")
    @APIResponse(responseCode = "200", description = "Imported 已导入",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionImportResult.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a body that is not UTF-8 text")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: not an ADMIN, or a region outside the caller's scope")
    @APIResponse(responseCode = "413", description = "Payload too large 请求体过大: more regions than an import takes "
            + "(50,000 by default; too-many-rows) or a body over 1 MiB: split the file by city")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: lines rejected, nothing imported (import-rejected, "
            + "errors[{field: \"line 5: level\"}]: a bad code, name or level, a parent that is not the code's or is unknown, "
            + "a code twice, a wrong header) or no regions (import-empty)")
    @RequestBody(required = true, description = "the region tree 行政区划表", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/csv", schema = @Schema(type = SchemaType.STRING))})
    @Produces(MediaType.APPLICATION_JSON)
    public RegionImportResult importRegions(byte[] body) {
        return trees.importTree(body, caller);
    }
}
