package cn.lianluo.station.rest;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The stations' open data: a station registered before today's cut-off is a row with its public facts and its 六有
 * items, and without its contact person or phone; one registered today waits for tomorrow's file.
 */
@QuarkusTest
class StationOpenDataIT {

    @Inject
    EntityManager em;

    @Test
    void a_station_of_yesterday_is_in_the_file_without_its_contact_person_or_phone() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(StationResourceIT.station("开放数据联络点" + mark, "430822207"));
        body.put("contactPerson", "联系人" + mark);
        body.put("contactPhone", "13907319876");
        String id = given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822")).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/stations").then().statusCode(201).extract().path("id");

        assertThat(file("csv")).doesNotContain(id);

        // as if it had been registered yesterday (the file's cut-off is today's 00:00 in China)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE station SET created_at = created_at - INTERVAL '1 day' WHERE id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate());

        String csv = file("csv");
        assertThat(csv).startsWith("\uFEFFid,name,type,regionCode,regionName,address,latitude,longitude,standardMet,hasSite,");
        assertThat(csv).contains(id + ",开放数据联络点" + mark + ",STATION,430822207,").doesNotContain("联系人" + mark, "13907319876");

        Response json = given().queryParam("region", "430822207").when().get("/api/v1/open-data/stations.json");
        json.then().statusCode(200).contentType(startsWith("application/json"))
                .body("asOf", equalTo(LocalDate.now(Zones.CHINA).minusDays(1).toString()))
                .body("licence.name", equalTo("CC BY 4.0"))
                .body("items.find { it.id == '" + id + "' }.standardMet", equalTo(false))
                .body("items.find { it.id == '" + id + "' }.hasSite", equalTo(false))
                .body("dictionary.name", hasItem("hasRecords"));
        assertThat(json.asString()).doesNotContain("联系人" + mark, "13907319876");
    }

    @Test
    void the_dictionary_and_a_bad_region() {
        given().when().get("/api/v1/open-data/stations/dictionary").then().statusCode(200)
                .body("dataset", equalTo("stations")).body("fields.name", hasItem("standardMet"));
        for (String format : List.of("csv", "json")) {
            given().queryParam("region", "43x").when().get("/api/v1/open-data/stations." + format).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("region"));
        }
    }

    String file(String format) {
        byte[] bytes = given().queryParam("region", "430822207").when().get("/api/v1/open-data/stations." + format)
                .then().statusCode(200).contentType(startsWith(format.equals("csv") ? "text/csv" : "application/json"))
                .extract().asByteArray();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
