package cn.lianluo.cases.rest;

import cn.lianluo.common.idempotency.IdempotencyKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A stored answer lives until the cleanup takes it; after that the key is free and the same request creates anew. */
@QuarkusTest
class IdempotencyKeyExpiryIT {

    @Inject
    IdempotencyKeys keys;

    Response submit(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases");
    }

    @Test
    void after_the_cleanup_the_same_key_creates_a_new_case() {
        Map<String, Object> body = CaseLoopApiIT.citizenCase("到期的键 " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Response first = submit(key, body);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response again = submit(key, body);
        assertThat(again.header(IdempotencyKeys.REPLAYED)).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));

        assertThat(keys.prune(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        Response later = submit(key, body);
        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(later.header(IdempotencyKeys.REPLAYED)).isNull();
        assertThat(later.<String>path("id")).isNotEqualTo(first.path("id"));
    }
}
