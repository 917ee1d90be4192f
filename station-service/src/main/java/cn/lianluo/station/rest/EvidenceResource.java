package cn.lianluo.station.rest;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.rest.Attachments;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.StandardItem;
import cn.lianluo.station.service.EvidenceService;
import cn.lianluo.station.service.StationDtos.EvidenceFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.UUID;

/** 六有 evidence (佐证材料): photos and PDF that prove an item of a station's standard, for staff of its region. */
@Path("/api/v1/stations/{id}/standard/{item}/evidence")
@Tag(name = "stations")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
public class EvidenceResource {

    private static final String ITEM = "the 六有 item: SITE 有场所, SIGN 有牌子, RULES 有制度, STAFF 有人员, ACTIVITIES 有活动, "
            + "RECORDS 有台账";

    private final EvidenceService evidence;
    private final Caller caller;

    public EvidenceResource(EvidenceService evidence, Caller caller) {
        this.evidence = evidence;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadStandardEvidence", summary = "Upload 六有 evidence 上传佐证材料",
            description = "One multipart/form-data part named file: a JPEG, PNG, WebP or HEIC image or a PDF of at most "
                    + "10 MiB, its type read from its first bytes (the file name and the declared Content-Type do not "
                    + "count), kept as evidence of the item with who uploaded it. Staff whose region covers the station.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA))
    @APIResponse(responseCode = "201", description = "Stored 已上传",
            headers = @Header(name = HttpHeaders.LOCATION, description = "the file's download path",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceFile.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: an unknown item, no part named file with a file "
            + "name, or an empty file")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: the station lies outside the caller's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "409", description = "Conflict 冲突: the item already keeps 20 files, the most it takes; "
            + "delete one first (too-many-evidence-files)")
    @APIResponse(responseCode = "413", description = "Payload too large 请求体过大: a file over 10 MiB")
    @APIResponse(responseCode = "415", description = "Unsupported media type 不支持的文件类型: a body that is not "
            + "multipart/form-data, or a file whose first bytes are not those of a JPEG, PNG, WebP or HEIC image or a PDF "
            + "(unsupported-file-type)")
    public Response upload(@PathParam("id") UUID id,
                           @Parameter(description = ITEM, schema = @Schema(implementation = StandardItem.class))
                           @PathParam("item") String item,
                           @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary", description = "the "
                                   + "file: a JPEG, PNG, WebP or HEIC image or a PDF, at most 10 MiB") FileUpload part,
                           @Context UriInfo uri) {
        StandardItem standardItem = item(item);
        if (part == null) {
            throw ProblemException.invalid("file", "a multipart/form-data part named file, sent as a file (with a file "
                    + "name), is required");
        }
        EvidenceFile stored = evidence.upload(id, standardItem, part.uploadedFile(), part.fileName(), caller);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStandardEvidence", summary = "六有 evidence 佐证材料",
            description = "The files kept as evidence of the item, the earliest first, with who uploaded each. Staff whose "
                    + "region covers the station.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceFile.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: an unknown item")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: the station lies outside the caller's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    public List<EvidenceFile> list(@PathParam("id") UUID id,
                                   @Parameter(description = ITEM, schema = @Schema(implementation = StandardItem.class))
                                   @PathParam("item") String item) {
        return evidence.list(id, item(item), caller);
    }

    @GET
    @Path("/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadStandardEvidence", summary = "Download 六有 evidence 下载佐证材料",
            description = "The bytes, with the type read from them at upload, Content-Disposition: attachment with the "
                    + "stored name, and X-Content-Type-Options: nosniff. Staff whose region covers the station.")
    @APIResponse(responseCode = "200", description = "The file 佐证材料",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"…\"; filename*=UTF-8''…",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/heic", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: an unknown item")
    @APIResponse(responseCode = "403", description = "Forbidden 无权查看: the station lies outside the caller's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such station, or no such file of this item")
    public Response download(@PathParam("id") UUID id,
                             @Parameter(description = ITEM, schema = @Schema(implementation = StandardItem.class))
                             @PathParam("item") String item, @PathParam("fileId") UUID fileId) {
        EvidenceService.Download download = evidence.download(id, item(item), fileId, caller);
        return Attachments.of(download.content(), download.file().contentType(), download.file().name());
    }

    @DELETE
    @Path("/{fileId}")
    @Operation(operationId = "deleteStandardEvidence", summary = "Delete 六有 evidence 删除佐证材料",
            description = "Removes one file from the item's evidence. Staff whose region covers the station.")
    @APIResponse(responseCode = "204", description = "Deleted 已删除")
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: an unknown item")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: the station lies outside the caller's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such station, or no such file of this item")
    public void delete(@PathParam("id") UUID id,
                       @Parameter(description = ITEM, schema = @Schema(implementation = StandardItem.class))
                       @PathParam("item") String item, @PathParam("fileId") UUID fileId) {
        evidence.delete(id, item(item), fileId, caller);
    }

    private static StandardItem item(String raw) {
        StandardItem item = QueryParams.enumValue("item", raw, StandardItem.class);
        if (item == null) {
            throw ProblemException.invalid("item", "a 六有 item is required");
        }
        return item;
    }
}
