package cn.lianluo.cases.suggestions.rest;

import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.rest.SuggestionDtos.SuggestionCommandBody;
import cn.lianluo.cases.suggestions.rest.SuggestionDtos.SuggestionRequest;
import cn.lianluo.cases.suggestions.rest.SuggestionDtos.SuggestionView;
import cn.lianluo.cases.suggestions.service.PlanningStatistics;
import cn.lianluo.cases.suggestions.service.SuggestionService;
import cn.lianluo.common.idempotency.Idempotent;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
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

import java.util.Arrays;
import java.util.UUID;

/** 代表建议: made by deputies (also 联名), from cases, through the units to the deputy's rating. */
@Path("/api/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    private final SuggestionService suggestions;
    private final PlanningStatistics statistics;
    private final Caller caller;

    public SuggestionResource(SuggestionService suggestions, PlanningStatistics statistics, Caller caller) {
        this.suggestions = suggestions;
        this.statistics = statistics;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.DEPUTY, Roles.SUPERVISOR, Roles.ADMIN})
    public Response submit(@NotNull @Valid SuggestionRequest request, @Context UriInfo uri) {
        SuggestionView created = suggestions.submit(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public Page<SuggestionView> list(@QueryParam("region") String region, @QueryParam("deputy") UUID deputy,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return suggestions.list(caller.listScope(RegionCodes.optional("region", region)), deputy, page, size);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    public PlanningStatistics.SuggestionStatistics statistics(@QueryParam("region") String region) {
        return statistics.suggestions(caller.listScope(RegionCodes.optional("region", region)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
    public SuggestionView get(@PathParam("id") UUID id) {
        return suggestions.get(id, caller);
    }

    /** 联名确认: a deputy named in {@code coDeputyIds} confirms co-signing, as themself; no body. */
    @POST
    @Path("/{id}/co-signers/confirm")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DEPUTY)
    public SuggestionView confirmCoSigning(@PathParam("id") UUID id) {
        return suggestions.confirmCoSigning(id, caller);
    }

    /** {@code assign, co-answer, answer, rate, request-extension, approve-extension, supervise, mark-key}. */
    @POST
    @Path("/{id}/{command}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DEPUTY, Roles.HANDLER})
    public SuggestionView command(@PathParam("id") UUID id, @PathParam("command") String command,
                                  @Valid SuggestionCommandBody body) {
        SuggestionCommand parsed = Arrays.stream(SuggestionCommand.values()).filter(c -> c.path().equals(command)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "unknown-command", "Not found 未找到", "'" + command
                        + "' is not a suggestion command; commands: " + Arrays.stream(SuggestionCommand.values()).map(SuggestionCommand::path).toList()));
        return suggestions.command(id, parsed, body, caller);
    }
}
