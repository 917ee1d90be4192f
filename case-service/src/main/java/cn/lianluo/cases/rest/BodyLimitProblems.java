package cn.lianluo.cases.rest;

import cn.lianluo.common.rest.ProblemMappers;
import cn.lianluo.common.rest.ProblemTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A body sent in chunks (no length declared) that passes the HTTP layer's limit ({@code quarkus.http.limits.max-body-size})
 * while it is read: the HTTP layer has already refused it with a 413, and the reader's failure is that refusal, not an
 * unexpected error to log. (Uploads never get there: {@code FileResource} asks for their length first.)
 */
@ApplicationScoped
public class BodyLimitProblems implements ProblemTranslator {

    @Override
    public Optional<Response> translate(Throwable cause, String instance) {
        if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
            return Optional.of(ProblemMappers.problem(413, "payload-too-large", "Payload too large 请求体过大",
                    "the body is larger than this service accepts", instance, List.of()));
        }
        return Optional.empty();
    }
}
