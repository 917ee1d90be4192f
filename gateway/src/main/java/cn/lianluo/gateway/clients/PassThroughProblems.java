package cn.lianluo.gateway.clients;

import cn.lianluo.common.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service's problem+json that a client call met passes through unchanged (status, type, detail). */
public class PassThroughProblems {

    @ServerExceptionMapper
    public Response passThrough(ClientWebApplicationException e) {
        Response answer = e.getResponse();
        String body;
        try {
            body = answer.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            body = null;
        }
        if (body == null || body.isBlank()) {
            return Response.status(answer.getStatus()).type(Problem.MEDIA_TYPE).build();
        }
        return Response.status(answer.getStatus()).type(answer.getMediaType() == null ? Problem.MEDIA_TYPE
                : answer.getMediaType().toString()).entity(body).build();
    }
}
