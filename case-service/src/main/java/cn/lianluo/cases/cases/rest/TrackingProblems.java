package cn.lianluo.cases.cases.rest;

import cn.lianluo.cases.cases.service.TrackingGuard;
import cn.lianluo.common.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A locked tracking code is a 429 problem that says when to come back (Retry-After), like the gateway's own limits. */
public class TrackingProblems {

    @ServerExceptionMapper
    public Response locked(TrackingGuard.Locked e, UriInfo uri) {
        return Response.status(e.status()).header("Retry-After", e.retryAfterSeconds()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.status(), e.kind(), e.title(), e.getMessage(), uri.getPath(), e.errors())).build();
    }
}
