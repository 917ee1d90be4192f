package cn.lianluo.common.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Rejects a declared body above its limit with a 413 problem before it is read: a JSON body above
 * {@code lianluo.http.max-json-bytes} (1 MiB), any other body (a deputy roll file) above {@code lianluo.http.max-body-bytes}.
 * No JSON request of the API comes near 1 MiB, so a service that takes large files does not take large JSON too.
 * (The HTTP layer's own, larger {@code quarkus.http.limits.max-body-size} stops undeclared chunked bodies.)
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final long maxJsonBytes;

    public BodySizeLimit(@ConfigProperty(name = "lianluo.http.max-body-bytes", defaultValue = "1048576") long maxBytes,
                         @ConfigProperty(name = "lianluo.http.max-json-bytes", defaultValue = "1048576") long maxJsonBytes) {
        this.maxBytes = maxBytes;
        this.maxJsonBytes = Math.min(maxJsonBytes, maxBytes);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
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
        boolean json = isJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        long max = json ? maxJsonBytes : maxBytes;
        if (declared > max) {
            return Optional.of(ProblemMappers.problem(413, "payload-too-large", "Payload too large 请求体过大",
                    "the " + (json ? "JSON " : "") + "body has " + declared + " bytes; at most " + max + " are accepted",
                    request.getUriInfo().getPath(), List.of()));
        }
        return Optional.empty();
    }
}
