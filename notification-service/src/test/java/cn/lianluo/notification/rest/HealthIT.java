package cn.lianluo.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The service starts against the real database and broker, migrates its schema and says it is ready. */
@QuarkusTest
class HealthIT {

    @Test
    void it_is_ready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
