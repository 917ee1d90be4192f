package cn.lianluo.common.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Rejects a declared body above {@code lianluo.http.max-body-bytes} with a 413 problem before it is read.
 * (The HTTP layer's own, larger {@code quarkus.http.limits.max-body-size} stops undeclared chunked bodies.)
 */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "lianluo.http.max-body-bytes", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.problem(400, "bad-request", "Bad request 请求有误",
                    "Content-Length is not a number", request.getUriInfo().getPath(), List.of()));
        }
        if (declared > maxBytes) {
            return Optional.of(ProblemMappers.problem(413, "payload-too-large", "Payload too large 请求体过大",
                    "the body has " + declared + " bytes; at most " + maxBytes + " are accepted",
                    request.getUriInfo().getPath(), List.of()));
        }
        return Optional.empty();
    }
}
