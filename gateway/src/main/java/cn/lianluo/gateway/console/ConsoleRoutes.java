package cn.lianluo.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The web module's two pages on the same origin as {@code /api/v1}: the staff console (工作台) under {@code /console/},
 * and the phone pages for citizens and deputies ({@code h5.html}) at {@code /} and under {@link #PHONE_PAGES}:
 * <ul>
 * <li>{@code /} is the citizens' landing page; {@code /console} leads to {@code /console/};</li>
 * <li>the hashed build output under {@code /console/assets/} is cached for a year ({@code immutable}); a name there
 * that the build does not have is a 404;</li>
 * <li>any other path under {@code /console/} that is no file is one of the console's pages (history-mode routes): it
 * gets {@code index.html}, and a phone page's path gets {@code h5.html}; both are revalidated on every load
 * ({@code no-cache} with an ETag) so a new build is seen at once;</li>
 * <li>{@code /console/config.json} says where people sign in ({@link ConsoleConfig});</li>
 * <li>every answer carries a Content-Security-Policy that allows the app's own files, data: and blob: images (a photo
 * shown before it is sent) and the OpenID provider's origin for the token calls, nothing else, and no framing.</li>
 * </ul>
 * These are Vert.x routes, not JAX-RS resources, so the public API's contract does not grow a console.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** The first segment of every phone page's path besides {@code /} (web/src/h5/pages.ts lists the same). */
    static final List<String> PHONE_PAGES = List.of("stations", "mailbox", "track", "projects", "figures", "laws", "deputy");

    private final ConsoleFiles files = new ConsoleFiles(ConsoleRoutes.class.getClassLoader());
    private final String policy;
    private final byte[] config;

    public ConsoleRoutes(ConsoleConfig console, ObjectMapper mapper) throws JsonProcessingException {
        this.policy = policyFor(console.oidcAuthority());
        this.config = mapper.writeValueAsBytes(Map.of("oidcAuthority", console.oidcAuthority(), "oidcClientId", console.oidcClientId()));
    }

    /**
     * The console's policy. Element Plus and ECharts set styles only through the CSSOM (element.style), which
     * style-src does not govern, so no 'unsafe-inline' is needed.
     */
    static String policyFor(String authority) {
        URI uri = URI.create(authority);
        String provider = uri.getScheme() + "://" + uri.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self' " + provider + "; frame-src " + provider + "; form-action 'self' " + provider + "; "
                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    void routes(@Observes Router router) {
        router.route("/").order(-50).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> page(ctx, "h5.html"));
        router.routeWithRegex("/(" + String.join("|", PHONE_PAGES) + ")(/.*)?").order(-50).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> page(ctx, "h5.html"));
        router.route("/console*").order(-50).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/console")) {
            String query = ctx.request().query();
            redirect(ctx, "/console/" + (query == null ? "" : "?" + query));
            return;
        }
        if (!path.startsWith("/console/")) {
            ctx.next();
            return;
        }
        String name = path.substring("/console/".length());
        HttpServerResponse response = ctx.response();
        response.putHeader("Content-Security-Policy", policy);
        if (name.equals("config.json")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            end(ctx, Buffer.buffer(config));
            return;
        }
        if (name.startsWith("assets/") || ConsoleFiles.looksLikeFile(name)) {
            var file = files.find(name);
            if (file.isEmpty()) {
                // a stale or mistyped asset: the API's 404 problem, never the app's page in its place
                response.headers().remove("Content-Security-Policy");
                ctx.next();
                return;
            }
            send(ctx, file.get(), name.startsWith("assets/") ? IMMUTABLE : "no-cache");
            return;
        }
        page(ctx, "index.html");
    }

    /** One of the apps' pages: the HTML that loads it, never cached without asking. */
    private void page(RoutingContext ctx, String html) {
        HttpServerResponse response = ctx.response();
        var index = files.find(html);
        if (index.isEmpty()) {
            response.headers().remove("Content-Security-Policy");
            ctx.next();
            return;
        }
        response.putHeader("Content-Security-Policy", policy).putHeader("X-Frame-Options", "DENY");
        send(ctx, index.get(), "no-cache");
    }

    private static void send(RoutingContext ctx, ConsoleFiles.File file, String cacheControl) {
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.ETAG, file.etag());
        if (file.gzipped() != null) {
            response.putHeader(HttpHeaders.VARY, "Accept-Encoding");
        }
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(file.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (file.gzipped() != null && accepted != null && accepted.contains("gzip")) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            end(ctx, Buffer.buffer(file.gzipped()));
        } else {
            end(ctx, Buffer.buffer(file.bytes()));
        }
    }

    private static void end(RoutingContext ctx, Buffer body) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end();
        } else {
            ctx.response().end(body);
        }
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end();
    }
}
