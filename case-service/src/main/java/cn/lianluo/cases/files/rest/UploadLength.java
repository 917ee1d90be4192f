package cn.lianluo.cases.files.rest;

import cn.lianluo.common.rest.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * An upload declares its length, so that one too large is refused before it is read, with a problem (common's
 * BodySizeLimit): browsers and phones declare it for a form, and the gateway does for everything it forwards. A body
 * sent in chunks would be cut off by the HTTP layer with a bare 413 only after 11 MiB had been spooled, so it is a 411.
 */
public class UploadLength {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> lengthRequired(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "").replaceFirst("/+$", "");
        if ("POST".equals(request.getMethod()) && FileResource.PATH.equals(path)
                && request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null) {
            return Optional.of(ProblemMappers.problem(411, "length-required", "Length required 需要声明请求体长度",
                    "an upload declares its Content-Length; a body sent in chunks is not taken", path, List.of()));
        }
        return Optional.empty();
    }
}
