package cn.lianluo.common.rest;

import cn.lianluo.common.problem.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every answer of every service and of the gateway carries, and what is refused before any route sees it:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} on everything;
 * {@code Cache-Control: no-store} on anything asked with a token, any write and the public tracking answers (they are
 * personal); public reference data (regions, stations, the calendar) keeps what its resource says;
 * {@code Strict-Transport-Security} when the request came over TLS (directly, or by {@code X-Forwarded-Proto: https}
 * when {@code lianluo.http.trust-forwarded-proto} is on, i.e. behind the county's ingress).</li>
 * <li>a URI longer than {@code lianluo.http.max-uri-length} is a 414 problem, headers above
 * {@code lianluo.http.max-header-bytes} a 431 problem, a method the API does not use (TRACE, PROPFIND, …) a 405 problem
 * with {@code Allow}. (The HTTP layer's own limits, {@code quarkus.http.limits.*}, are set above these so that an
 * honest oversized request gets the problem; only a grossly oversized one gets the HTTP layer's bare answer.)</li>
 * <li>a body that declares more than the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is a 413
 * problem here, before the HTTP layer would end it with a bare 413; a 405, 413, 414 or 431 that the HTTP layer itself
 * fails a request with is answered as a problem too.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    /** The methods of the API; {@code Allow} of a 405 for any other. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final Map<Integer, String[]> LIMITS = Map.of(
            405, new String[] {"method-not-allowed", "Method not allowed 不支持的方法"},
            413, new String[] {"payload-too-large", "Payload too large 请求体过大"},
            414, new String[] {"uri-too-long", "URI too long 请求地址过长"},
            431, new String[] {"headers-too-large", "Request headers too large 请求头过大"});

    private final ObjectMapper mapper;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final boolean trustForwardedProto;
    private final long maxBodyBytes;

    public HttpHardening(ObjectMapper mapper,
                         @ConfigProperty(name = "lianluo.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                         @ConfigProperty(name = "lianluo.http.max-header-bytes", defaultValue = "16384") int maxHeaderBytes,
                         @ConfigProperty(name = "lianluo.http.trust-forwarded-proto", defaultValue = "false") boolean trustForwardedProto,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.mapper = mapper;
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.trustForwardedProto = trustForwardedProto;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void routes(@Observes Router router) {
        router.route().order(-1000).handler(this::handle).failureHandler(this::failure);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.addHeadersEndHandler(v -> secure(ctx));
        if (!METHODS.contains(request.method().name())) {
            ctx.response().putHeader(HttpHeaders.ALLOW, ALLOW);
            problem(ctx, 405, "the API does not use " + request.method().name() + "; it uses " + ALLOW);
            return;
        }
        if (request.uri().length() > maxUriLength) {
            problem(ctx, 414, "the URI has " + request.uri().length() + " characters; at most " + maxUriLength + " are accepted");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            problem(ctx, 431, "the headers have " + headerBytes + " bytes; at most " + maxHeaderBytes + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.isEmpty() && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            // the connection is closed after the answer: the body that follows is not read
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(v -> request.connection().close());
            problem(ctx, 413, "the body has " + length + " bytes; at most " + maxBodyBytes + " are accepted");
            return;
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (LIMITS.containsKey(ctx.statusCode()) && !ctx.response().headWritten()) {
            problem(ctx, ctx.statusCode(), switch (ctx.statusCode()) {
                case 405 -> "this method is not allowed here";
                case 413 -> "the body is larger than this service accepts";
                case 414 -> "the URI is too long";
                default -> "the request headers are too large";
            });
            return;
        }
        ctx.next();
    }

    private void secure(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        var headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        String method = request.method().name();
        boolean personal = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))
                || request.path() != null && request.path().startsWith("/api/v1/cases/track/");
        if (personal) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.remove(HttpHeaders.EXPIRES);
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (request.isSSL() || trustForwardedProto && proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip())) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private void problem(RoutingContext ctx, int status, String detail) {
        String[] kind = LIMITS.get(status);
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(Problem.of(status, kind[0], kind[1], detail, ctx.normalizedPath(), List.of())));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
