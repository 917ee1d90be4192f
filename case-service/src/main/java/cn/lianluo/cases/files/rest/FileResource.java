package cn.lianluo.cases.files.rest;

import cn.lianluo.cases.files.rest.FileDtos.UploadedFile;
import cn.lianluo.cases.files.service.FileService;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.rest.Attachments;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.UUID;

/** Files of cases: photos and PDF a citizen, staff or a deputy upload, and their download by those who read the case. */
@Path(FileResource.PATH)
@Tag(name = "cases")
public class FileResource {

    static final String PATH = "/api/v1/files";

    private final FileService files;
    private final Caller caller;

    public FileResource(FileService files, Caller caller) {
        this.files = files;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadFile", summary = "Upload a file 上传附件", description = "One multipart/form-data "
            + "part named file: a JPEG, PNG, WebP or HEIC image or a PDF of at most 10 MiB, its type read from its first "
            + "bytes (the file name and the declared Content-Type do not count). Public, so a citizen can add a photo to "
            + "a case before submitting it; then name the answer's id in the submission's attachments ({fileId}) within "
            + "24 h — a file no case took by then is deleted. Until a case takes it, only the account that uploaded it "
            + "with a token reads it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA))
    @APIResponse(responseCode = "201", description = "Stored 已上传",
            headers = @Header(name = HttpHeaders.LOCATION, description = "the file's download path",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadedFile.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: no part named file with a file name, or an "
            + "empty file")
    @APIResponse(responseCode = "411", description = "Length required 需要声明请求体长度: a body sent in chunks, without "
            + "Content-Length")
    @APIResponse(responseCode = "413", description = "Payload too large 请求体过大: a file over 10 MiB")
    @APIResponse(responseCode = "415", description = "Unsupported media type 不支持的文件类型: a body that is not "
            + "multipart/form-data, or a file whose first bytes are not those of a JPEG, PNG, WebP or HEIC image or a PDF "
            + "(unsupported-file-type)")
    @APIResponse(responseCode = "503", description = "Service unavailable 文件存储暂不可用: the object store that keeps the "
            + "files cannot be reached (file-store-unavailable); nothing was kept, send the file again later")
    public Response upload(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary", description = "the "
            + "file: a JPEG, PNG, WebP or HEIC image or a PDF, at most 10 MiB; its first bytes decide its type")
                           FileUpload part, @Context UriInfo uri) {
        if (part == null) {
            throw ProblemException.invalid("file", "a multipart/form-data part named file, sent as a file (with a file "
                    + "name), is required");
        }
        var stored = files.upload(part.uploadedFile(), part.fileName(), caller);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new UploadedFile(stored.id(), stored.name(), stored.contentType(), stored.size())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    @Operation(operationId = "downloadFile", summary = "Download a file 下载附件", description = "The bytes, with the type "
            + "read from them at upload, Content-Disposition: attachment with the stored name, and "
            + "X-Content-Type-Options: nosniff. For those who may read the case the file belongs to, as GET "
            + "/api/v1/cases/{id}: staff whose region covers the case, the unit handling it, the deputy who received "
            + "it and deputies of its region. A file no case has taken yet: only the account that uploaded it.")
    @APIResponse(responseCode = "200", description = "The file 附件",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"…\"; filename*=UTF-8''…",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/heic", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "Forbidden 无权查看: the caller may not read the file's case, or the "
            + "file belongs to no case yet and the caller did not upload it")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such file")
    @APIResponse(responseCode = "503", description = "Service unavailable 文件存储暂不可用: the object store that keeps the "
            + "files cannot be reached (file-store-unavailable); try again later")
    public Response download(@PathParam("id") UUID id) {
        FileService.Download download = files.download(id, caller);
        return Attachments.of(download.content(), download.file().contentType(), download.file().name());
    }
}
