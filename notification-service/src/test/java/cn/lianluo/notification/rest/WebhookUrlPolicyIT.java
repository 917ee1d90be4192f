package cn.lianluo.notification.rest;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With the production URL policy: only https:, never an internal address; each refusal a 400 naming the url. */
@QuarkusTest
@TestProfile(WebhookUrlPolicyIT.Production.class)
class WebhookUrlPolicyIT {

    /** Neither plain http: nor internal addresses, as in production. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lianluo.notify.webhooks.allow-http", "false", "lianluo.notify.webhooks.allow-private", "false");
        }
    }

    static final String SANGZHI = TestTokens.bearer("ADMIN", "430822");

    void refused(String url, String why) {
        given().header("Authorization", SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("lianluo.case.*"), "regionPrefix", "430822",
                        "secret", WebhookTesting.SECRET))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString(why));
    }

    @Test
    void plain_http_is_refused() {
        refused("http://203.0.113.7/hook", "https");
    }

    @Test
    void a_private_address_is_refused() {
        refused("https://10.0.0.1/hook", "internal address");
    }

    @Test
    void the_cloud_metadata_address_is_refused() {
        refused("https://169.254.169.254/latest/meta-data", "internal address");
    }

    @Test
    void loopback_is_refused_by_name_too() {
        refused("https://localhost:8443/hook", "internal address");
    }

    @Test
    void a_port_other_than_443_is_refused() {
        refused("https://203.0.113.7:6379/hook", "only port 443");
    }

    @Test
    void a_private_address_behind_a_nat64_prefix_is_refused() {
        refused("https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "internal address");
        refused("https://[::ffff:127.0.0.1]/hook", "internal address");
    }
}
