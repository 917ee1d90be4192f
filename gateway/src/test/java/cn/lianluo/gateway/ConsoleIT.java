package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The staff console under /console/ and the phone pages at /: their pages, files' caching, policy, configuration. */
@QuarkusTest
class ConsoleIT {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Test
    void the_root_is_the_citizens_landing_page_and_console_leads_to_the_console() {
        given().redirects().follow(false).get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache").header("Content-Security-Policy", containsString("img-src 'self' data: blob:"))
                .body(containsString("<title>人大代表联络站</title>"));
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", "/console/");
    }

    @Test
    void every_phone_page_is_the_phone_app_and_nothing_more() {
        for (String page : new String[] {"/stations", "/stations/8c1f2a5e-0d7b-3c1a-9e5f-6a7b8c9d0e1f", "/mailbox", "/track?code=X",
                "/projects", "/projects/new", "/figures", "/laws", "/laws/c41f7e2a-9b3d-4e58-a6c1-7d2e9f0b3a85", "/deputy/",
                "/deputy/callback?code=x&state=y"}) {
            given().redirects().follow(false).get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .header("X-Frame-Options", "DENY").body(containsString("<title>人大代表联络站</title>"));
        }
        given().get("/stationsX").then().statusCode(404);
        given().get("/tracking").then().statusCode(404);
    }

    @Test
    void the_console_page_is_revalidated_on_every_load_and_carries_its_policy() {
        given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("ETag", not(equalTo(null)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:8180"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .body(containsString("<div id=\"app\">"));
        String etag = given().get("/console/").header("ETag");
        given().header("If-None-Match", etag).get("/console/").then().statusCode(304);
    }

    @Test
    void every_page_of_the_app_is_the_console_page() {
        for (String page : new String[] {"/console/cases", "/console/cases/3f2a6c1e-8b4d-4e7a-9c15-2d8e7f0a1b34", "/console/overview/433124",
                "/console/callback?code=x&state=y"}) {
            given().get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache").body(containsString("<div id=\"app\">"));
        }
    }

    @Test
    void hashed_assets_are_kept_for_a_year_and_sent_compressed() {
        String index = given().get("/console/").asString();
        Matcher script = Pattern.compile("src=\"/console/(assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("the page loads its entry script from /console/assets/").isTrue();
        Response plain = given().header("Accept-Encoding", "identity").get("/console/" + script.group(1));
        plain.then().statusCode(200).contentType(containsString("text/javascript")).header("Cache-Control", IMMUTABLE);
        Response gzipped = given().header("Accept-Encoding", "gzip").get("/console/" + script.group(1));
        gzipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
        assertThat(gzipped.asString()).isEqualTo(plain.asString());
    }

    @Test
    void a_file_the_build_does_not_have_is_a_404_problem_not_the_page() {
        given().get("/console/assets/index-00000000.js").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/console/nothing.css").then().statusCode(404);
        given().get("/console/.vite/manifest.json").then().statusCode(404);
        // sent as written (the client would resolve the dots itself): the gateway refuses to climb out
        given().urlEncodingEnabled(false).get("/console/assets/%2e%2e/%2e%2e/lianluo-console/index.html").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/console/assets/..%2f..%2fapplication.properties").then().statusCode(404);
    }

    @Test
    void the_console_is_told_where_people_sign_in() {
        given().get("/console/config.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", "no-cache")
                .body("oidcAuthority", equalTo("http://127.0.0.1:8180/realms/lianluo"))
                .body("oidcClientId", equalTo("lianluo-console"));
    }

    @Test
    void the_api_and_quarkus_paths_are_not_the_console() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/consoles").then().statusCode(404);
    }
}
