package cn.lianluo.gateway.proxy;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.Problem;
import cn.lianluo.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes every {@code /api/v1} path to the service that owns it, with the caller's token verified here and passed
 * on. A service's answer (problem+json included) passes through unchanged; a service that does not answer is a 503
 * or 504 problem. Public submission, tracking and rating are rate limited per client address and per phone.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    /**
     * The caller's trace context is not copied: the gateway's own request to the service carries its span's (the
     * HTTP client's tracing writes it), so the service's work is a child of the gateway's, in the caller's trace.
     */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate", "baggage");

    private final GatewayConfig config;
    private final VerifiedTokens tokens;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private HttpClient client;

    public ServiceProxy(GatewayConfig config, JWTParser jwt, ObjectMapper mapper,
                        @ConfigProperty(name = "lianluo.http.max-body-bytes") long maxBodyBytes, MeterRegistry registry) {
        this.registry = registry;
        this.config = config;
        // a console's session of requests verifies its token once a minute; a few thousand signed-in people at most
        this.tokens = new VerifiedTokens(jwt::parse, 5_000, Duration.ofMinutes(1), Ticker.systemTicker(), System::currentTimeMillis);
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.limiter = new RateLimiter(config.publicPerMinute(), System::currentTimeMillis);
    }

    void routes(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(50).setKeepAlive(true));
        router.route("/api/v1/*").order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        boolean preflight = "OPTIONS".equals(method) && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (Routes.isOwn(method, path) || preflight) {
            ctx.next();
            return;
        }
        var owner = Routes.owner(path);
        boolean exportStart = Routes.isExportStart(method, path);
        if (owner.isEmpty() && Routes.isDeadLetters(path)) {
            String allowed = "not one of station, deputy, case, scoring, notification";
            problem(ctx, 400, "validation", "Invalid request 请求参数有误", "service: " + allowed,
                    List.of(new FieldError("service", allowed)));
            return;
        }
        if (owner.isEmpty() && !exportStart) {
            problem(ctx, 404, "not-found", "Not found 未找到", "no resource at " + path);
            return;
        }
        if ("OPTIONS".equals(method)) {
            // which methods a path takes (Allow) is no secret: the owner answers it without a token
            forward(ctx, owner.get(), null);
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean hasToken = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        JsonWebToken token = null;
        if (hasToken) {
            try {
                token = tokens.verify(authorization.substring(7).strip());
            } catch (ParseException e) {
                unauthorized(ctx, "the token is not valid: it is expired, malformed or not signed by the issuer");
                return;
            }
        } else if (!Routes.isPublic(method, path)) {
            unauthorized(ctx, "a valid bearer token is required");
            return;
        }
        // a token does not lift the public limits, except for staff's and deputies' intake (PublicLimits)
        boolean publicLimits = Routes.isRateLimited(method, path) && !PublicLimits.staffIntake(token, method, path);
        if (publicLimits && limited(ctx, "ip:" + clientAddress(ctx))) {
            return;
        }
        boolean upload = Routes.isUpload(method, path);
        long maxBody = upload ? config.maxUploadBytes() : maxBodyBytes;
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > maxBody) {
            problem(ctx, 413, "payload-too-large", "Payload too large 请求体过大",
                    "the body has " + length + " bytes; at most " + maxBody + " are accepted");
            return;
        }
        // an upload names no phone: counted by its address alone, and streamed on
        if (publicLimits && "POST".equals(method) && !upload) {
            readBody(ctx, PublicLimits.MAX_PUBLIC_BODY, "a public submission has at most " + PublicLimits.MAX_PUBLIC_BODY
                    + " bytes", body -> {
                String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
                boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
                var key = PublicLimits.phoneKey(path, null, json ? body.getBytes() : null, mapper);
                if (key.isEmpty() || !limited(ctx, key.get())) {
                    forward(ctx, owner.get(), body);
                }
            });
        } else if (exportStart) {
            // the kind in the body names the service: read here (a small body), then sent on whole
            readBody(ctx, maxBody, "an export request has at most " + maxBody + " bytes", body -> {
                var service = exportKind(body).flatMap(Routes::exportOwner);
                if (service.isEmpty()) {
                    problem(ctx, 400, "validation", "Invalid request 请求参数有误", "kind: deputy-roll or points");
                } else {
                    forward(ctx, service.get(), body);
                }
            });
        } else if (length == null && "chunked".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            readBody(ctx, maxBody, "the chunked body has more than " + maxBody + " bytes; at most " + maxBody
                    + " are accepted", body -> forward(ctx, owner.get(), body));
        } else if (!publicLimits) {
            forward(ctx, owner.get(), null);
        } else {
            var key = PublicLimits.phoneKey(path, ctx.request().getParam("phone"), null, mapper);
            if (key.isEmpty() || !limited(ctx, key.get())) {
                forward(ctx, owner.get(), null);
            }
        }
    }

    /**
     * Reads the request's body here, up to {@code limit} bytes (a 413 as soon as it goes past), then goes on with it:
     * a chunked body declares no length, so no service reads an unbounded one, and a public write is read whole to find
     * its phone for the per-phone limit.
     */
    private void readBody(RoutingContext ctx, long limit, String tooLarge, java.util.function.Consumer<Buffer> then) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        var request = ctx.request();
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                problem(ctx, 413, "payload-too-large", "Payload too large 请求体过大", tooLarge);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("reading a request's body failed: %s", e.getMessage()));
        request.endHandler(v -> {
            if (!refused[0] && !ctx.response().ended()) {
                then.accept(body);
            }
        });
        request.resume();
    }

    private String clientAddress(RoutingContext ctx) {
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        return forwarded != null && config.trustForwardedFor() ? forwarded.split(",")[0].strip()
                : ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    }

    private boolean limited(RoutingContext ctx, String key) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            String route = Routes.limitedRoute(ctx.request().method().name(), ctx.normalizedPath()).orElse("other");
            Counter.builder("lianluo.rate.limit.refusals").description("Requests refused with 429 by the public limits")
                    .tag("route", route).register(registry).increment();
            ctx.response().putHeader("Retry-After", String.valueOf(wait));
            problem(ctx, 429, "too-many-requests", "Too many requests 请求过于频繁",
                    "too many requests from this address or phone; try again in " + wait + " s");
            return true;
        }
        return false;
    }

    /** Sends the request on to the service: its body streamed as it comes, or {@code body} when it was read here. */
    private void forward(RoutingContext ctx, Routes.Service service, Buffer body) {
        URI base = URI.create(switch (service) {
            case STATION -> config.stationUrl();
            case DEPUTY -> config.deputyUrl();
            case CASE -> config.caseUrl();
            case SCORING -> config.scoringUrl();
            case NOTIFICATION -> config.notificationUrl();
        });
        var incoming = ctx.request();
        if (body == null) {
            incoming.pause();
        }
        RequestOptions options = new RequestOptions().setMethod(incoming.method()).setHost(base.getHost())
                .setPort(base.getPort()).setURI(Routes.serviceUri(service, incoming.uri())).setTimeout(timeoutOf(incoming).toMillis());
        incoming.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !TRACE_CONTEXT.contains(name)) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        if (incoming.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            options.addHeader(HttpHeaders.CONTENT_LENGTH, incoming.getHeader(HttpHeaders.CONTENT_LENGTH));
        }
        if (incoming.remoteAddress() != null) {
            // the chain of addresses: what came in, then the peer this gateway saw
            String chain = incoming.getHeader("X-Forwarded-For");
            options.removeHeader("X-Forwarded-For");
            options.addHeader("X-Forwarded-For", (chain == null ? "" : chain + ", ") + incoming.remoteAddress().host());
        }
        client.request(options)
                .compose(request -> body == null ? forward(incoming, request) : request.send(body))
                .onSuccess(response -> {
                    if (callerGone(ctx)) {
                        // the caller reset its stream or closed the connection: nobody reads the answer; stop it coming
                        response.request().reset();
                        return;
                    }
                    var out = ctx.response().setStatusCode(response.statusCode());
                    response.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            out.putHeader(h.getKey(), h.getValue());
                        }
                    });
                    if (response.statusCode() == 405 && response.getHeader(HttpHeaders.ALLOW) == null) {
                        // the services' JAX-RS names no Allow on a 405 (RFC 9110 wants it): the service's OPTIONS does
                        response.body().onComplete(answer -> allowed(base, incoming.uri()).onComplete(allow -> {
                            if (callerGone(ctx)) {
                                return;
                            }
                            if (allow.succeeded() && allow.result() != null) {
                                out.putHeader(HttpHeaders.ALLOW, allow.result());
                            }
                            out.end(answer.succeeded() ? answer.result() : Buffer.buffer());
                        }));
                        return;
                    }
                    relay(response, out).onFailure(e -> LOG.debugf("relaying the answer of %s failed: %s", service, e.getMessage()));
                })
                .onFailure(e -> {
                    if (callerGone(ctx)) {
                        LOG.debugf("the caller of %s %s went away: %s", incoming.method(), incoming.path(), e.getMessage());
                        return;
                    }
                    if (ctx.response().headWritten()) {
                        ctx.response().close();
                        return;
                    }
                    boolean timeout = e instanceof java.util.concurrent.TimeoutException
                            || e.getClass().getSimpleName().contains("Timeout");
                    LOG.warnf("%s did not answer %s %s: %s", service, incoming.method(), incoming.path(), e.getMessage());
                    problem(ctx, timeout ? 504 : 503, timeout ? "service-timeout" : "service-unavailable",
                            timeout ? "Gateway timeout 服务响应超时" : "Service unavailable 服务暂不可用",
                            service.name().toLowerCase() + "-service " + (timeout ? "did not answer in time" : "is not reachable now"));
                });
    }

    /**
     * Passes a service's answer on as it comes. An answer that breaks off (the service stopped halfway through a
     * stream) is broken off to the caller too, the connection reset, so that a client sees a failed download rather
     * than a short file that ends as if it were whole (what {@code send(ReadStream)} does: it ends the response).
     */
    static io.vertx.core.Future<Void> relay(io.vertx.core.http.HttpClientResponse from, io.vertx.core.http.HttpServerResponse to) {
        if (!to.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            to.setChunked(true);
        }
        return from.pipe().endOnFailure(false).to(to).onFailure(e -> to.reset());
    }

    /**
     * Passes the caller's body on as it comes and answers the service's response. A body that breaks off (the caller reset
     * its stream or lost its connection halfway through an upload) resets the request to the service, which closes that
     * connection: ended instead (what {@code send(ReadStream)} does), the request would be short of its Content-Length,
     * the connection would go back to the pool, and the service would read the next request sent on it as the rest of
     * this body and never answer it.
     */
    static io.vertx.core.Future<io.vertx.core.http.HttpClientResponse> forward(HttpServerRequest from,
            io.vertx.core.http.HttpClientRequest to) {
        from.pipe().endOnFailure(false).to(to).onFailure(e -> {
            // the reset is this gateway's own doing, no news for the log when the service's answer is already here
            to.exceptionHandler(reset -> LOG.debugf("a request to a service reset, its caller's body broke off: %s",
                    reset.getMessage()));
            to.reset();
        });
        return to.response();
    }

    /** The {@code kind} of an export request's JSON body, if it has one. */
    private java.util.Optional<String> exportKind(Buffer body) {
        try {
            var kind = mapper.readTree(body.getBytes()).get("kind");
            return kind != null && kind.isTextual() ? java.util.Optional.of(kind.asText()) : java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** How long the service may stay silent: an export's workbook is written whole before its first byte leaves. */
    private Duration timeoutOf(io.vertx.core.http.HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.GET && request.path().endsWith("/export")
                ? config.exportTimeout() : config.proxyTimeout();
    }

    /** The methods the service takes at a path, as its answer to OPTIONS says. */
    private io.vertx.core.Future<String> allowed(URI base, String uri) {
        return client.request(new RequestOptions().setMethod(io.vertx.core.http.HttpMethod.OPTIONS).setHost(base.getHost())
                        .setPort(base.getPort()).setURI(uri).setTimeout(config.proxyTimeout().toMillis()))
                .compose(request -> request.send())
                .compose(answer -> answer.body().map(ignored -> answer.getHeader(HttpHeaders.ALLOW)));
    }

    private void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problem(ctx, 401, "unauthorized", "Unauthorized 未登录或令牌无效", detail);
    }

    /**
     * Whether the caller is gone: an HTTP/2 client reset its stream (a phone that gave up on an upload) or the
     * connection closed. Its response can no longer be written, and trying would only log an error.
     */
    private static boolean callerGone(RoutingContext ctx) {
        return ctx.response().closed() || ctx.response().ended();
    }

    private void problem(RoutingContext ctx, int status, String kind, String title, String detail) {
        problem(ctx, status, kind, title, detail, List.of());
    }

    private void problem(RoutingContext ctx, int status, String kind, String title, String detail, List<FieldError> errors) {
        if (callerGone(ctx)) {
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(Problem.of(status, kind, title, detail, ctx.normalizedPath(), errors)));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
