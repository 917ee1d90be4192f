package cn.lianluo.scoring.rest;

import cn.lianluo.common.exports.ExportJob;
import cn.lianluo.common.exports.ExportJobs;
import cn.lianluo.common.exports.ExportRequest;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.service.TableFiles;
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

/** The points table's export as a job (导出任务): for a region whose table takes longer than a request should wait. */
@Path("/api/v1/points/exports")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsExportJobResource {

    private final ExportJobs jobs;
    private final Caller caller;

    public PointsExportJobResource(ExportJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "startPointsExport", summary = "Start an export job of the points table 启动积分导出任务",
            description = "The rows of GET /points/export, written in the background: 202 with the job (its Location). "
                    + "kind is points; year this year when absent. Asked again by the same person while that export is QUEUED or "
                    + "RUNNING, the same job answers. The file is kept for a day after the job ends.")
    @APIResponse(responseCode = "202", description = "Accepted 已受理: the job",
            headers = @Header(name = "Location", description = "/api/v1/points/exports/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJob.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: another kind, a format other than csv or xlsx, "
            + "a malformed region")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: a region outside the caller's scope")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class)))
    public Response start(ExportRequest request) {
        return jobs.start(request, caller, "/api/v1/points/exports/");
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "getPointsExport", summary = "An export job of the points table 积分导出任务",
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
    @Produces({"text/csv", TableFiles.XLSX, "application/problem+json"})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "downloadPointsExport", summary = "Download an export job's file 下载积分导出文件",
            description = "The file of a DONE job (points-<region>-<year>.csv/.xlsx), with its length.")
    @APIResponse(responseCode = "200", description = "The points table 积分表",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"points-<region>-<year>.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = TableFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such job, another person's, or swept")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the job is QUEUED or RUNNING, or FAILED "
            + "(export-not-ready)")
    public Response file(@PathParam("id") String id) {
        return jobs.download(id, caller.subject());
    }
}
