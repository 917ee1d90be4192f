package cn.lianluo.cases.livelihood.rest;

import cn.lianluo.cases.livelihood.rest.ProjectDtos.Evaluation;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.Progress;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.ProjectRequest;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.ProjectView;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.Shortlist;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.Supervision;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.TallyView;
import cn.lianluo.cases.livelihood.rest.ProjectDtos.Vote;
import cn.lianluo.cases.livelihood.service.ProjectService;
import cn.lianluo.cases.suggestions.service.PlanningStatistics;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** 民生实事项目票决制: 群众点题, 代表选题, 政府解题, 全过程监督, 群众评效果. */
@Path("/api/v1/livelihood-projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final PlanningStatistics statistics;
    private final Caller caller;

    public ProjectResource(ProjectService projects, PlanningStatistics statistics, Caller caller) {
        this.projects = projects;
        this.statistics = statistics;
        this.caller = caller;
    }

    /** 群众点题: public for citizens (name and phone), or staff and deputies from cases. */
    @POST
    @Idempotent
    @PermitAll
    public Response propose(@NotNull @Valid ProjectRequest request, @Context UriInfo uri) {
        ProjectView created = projects.propose(request, caller.isAuthenticated() ? caller : null);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** Public: what a region voted and carries out. */
    @GET
    @PermitAll
    public Page<ProjectView> list(@QueryParam("region") String region, @QueryParam("year") Integer year,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        RegionCode requested = RegionCodes.optional("region", region);
        return projects.list(requested == null ? RegionCode.HUNAN : requested, year, page, size);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public PlanningStatistics.ProjectStatistics statistics(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        return statistics.projects(caller.listScope(RegionCodes.optional("region", region)), year);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public ProjectView get(@PathParam("id") UUID id) {
        return projects.get(id);
    }

    @POST
    @Path("/{id}/shortlist")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ProjectView shortlist(@PathParam("id") UUID id, @NotNull @Valid Shortlist shortlist) {
        return projects.shortlist(id, shortlist, caller);
    }

    @POST
    @Path("/{id}/votes")
    @RolesAllowed(Roles.DEPUTY)
    public ProjectView vote(@PathParam("id") UUID id, @NotNull @Valid Vote vote) {
        return projects.vote(id, vote, caller);
    }

    /** Takes no body: a front end may post it bare. */
    @POST
    @Path("/{id}/tally")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public TallyView tally(@PathParam("id") UUID id) {
        return projects.tally(id, caller);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    public ProjectView progress(@PathParam("id") UUID id, @NotNull @Valid Progress progress) {
        return projects.progress(id, progress, caller);
    }

    @POST
    @Path("/{id}/supervisions")
    @RolesAllowed(Roles.DEPUTY)
    public ProjectView supervise(@PathParam("id") UUID id, @NotNull @Valid Supervision supervision) {
        return projects.supervise(id, supervision.note(), caller);
    }

    /** 群众评效果: public for citizens (with their phone), or a deputy with a token. */
    @POST
    @Path("/{id}/evaluations")
    @PermitAll
    public ProjectView evaluate(@PathParam("id") UUID id, @NotNull @Valid Evaluation evaluation) {
        return projects.evaluate(id, evaluation, caller.isAuthenticated() ? caller : null);
    }
}
