package cn.lianluo.deputy.rest;

import cn.lianluo.common.exports.ExportJob;
import cn.lianluo.common.exports.ExportJobs;
import cn.lianluo.common.exports.ExportRequest;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.deputy.service.RollFiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The roll's export as a job (导出任务): for a region whose roll takes longer than a request should wait. */
@Path("/api/v1/deputies/exports")
@Tag(name = "deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RollExportJobResource {

    private final ExportJobs jobs;
    private final Caller caller;

    public RollExportJobResource(ExportJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "startDeputyRollExport", summary = "Start an export job of the roll 启动名册导出任务",
            description = "The rows of GET /deputies/export, written in the background: 202 with the job (its Location). "
                    + "kind is deputy-roll; no year. Asked again by the same person while that export is QUEUED or "
                    + "RUNNING, the same job answers. The file is kept for a day after the job ends.")
    @APIResponse(responseCode = "202", description = "Accepted 已受理: the job",
            headers = @Header(name = "Location", description = "/api/v1/deputies/exports/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJob.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: another kind, a year, a format other than csv "
            + "or xlsx, a malformed region")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: a region outside the caller's scope")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class)))
    public Response start(ExportRequest request) {
        return jobs.start(request, caller, "/api/v1/deputies/exports/");
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "getDeputyRollExport", summary = "An export job of the roll 名册导出任务",
            description = "Its status and progress (rowsWritten of rowsTotal). Only the person who asked for it reads it; "
                    + "for anyone else it does not exist (404).")
    @APIResponse(responseCode = "200", description = "The job 导出任务",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJob.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such job, another person's, or swept")
    public ExportJob job(@PathParam("id") String id) {
        return jobs.get(id, caller.subject());
    }

    @GET
    @Path("/{id}/file")
    @Produces({"text/csv", RollFiles.XLSX, "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "downloadDeputyRollExport", summary = "Download an export job's file 下载名册导出文件",
            description = "The file of a DONE job (deputies-<region>.csv/.xlsx), with its length.")
    @APIResponse(responseCode = "200", description = "The roll 代表名册",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"deputies-<region>.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = RollFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such job, another person's, or swept")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the job is QUEUED or RUNNING, or FAILED "
            + "(export-not-ready)")
    public Response file(@PathParam("id") String id) {
        return jobs.download(id, caller.subject());
    }
}
