package cn.lianluo.gateway;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event contract is served whole to anyone, and every topic it describes exists from the start. */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class EventsContractIT {

    @Test
    void the_asyncapi_document_is_public_and_self_contained_with_every_type_and_example() throws Exception {
        String served = given().when().get("/api/v1/events/asyncapi.yaml").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/yaml")).extract().asString();
        // kept for the third-party check (asyncapi validate target/asyncapi.yaml)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/asyncapi.yaml"), served);
        JsonNode document = new YAMLMapper().readTree(served);
        assertThat(document.findValuesAsText("$ref")).as("every reference within the document").isNotEmpty().allMatch(r -> r.startsWith("#/"));
        assertThat(document.findValues("$id")).isEmpty();
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        assertThat(document.path("channels").size()).isEqualTo(4);
        JsonNode messages = document.path("components").path("messages");
        assertThat(messages.size()).isEqualTo(EventSchemas.messages().size());
        messages.forEach(message -> {
            String type = message.path("name").asText();
            assertThat(message.path("payload").path("schema").path("allOf").findValuesAsText("$ref"))
                    .as(type).allMatch(ref -> ref.startsWith("#/components/schemas/"))
                    .contains("#/components/schemas/" + type);
            JsonNode example = message.path("examples").get(0).path("payload");
            assertThat(example.path("type").asText()).isEqualTo(type);
            assertThat(EventSchemas.problems(example.toString())).as(type).isEmpty();
        });
        given().when().head("/api/v1/events/asyncapi.yaml").then().statusCode(200);
    }

    @Test
    void each_service_created_its_topic_at_start_scoring_events_before_anything_was_scored() {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.KAFKA))) {
            for (String publisher : List.of("station", "deputy", "case", "scoring")) {
                String topic = ServicesUnderTest.topic(publisher);
                await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().contains(topic));
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                assertThat(description.partitions()).as(topic).hasSize(3);
            }
            // notification-service, the one consumer of scoring.events, never creates a topic, so only scoring-service can
            // have made it: with its retention
            ConfigResource scoring = new ConfigResource(ConfigResource.Type.TOPIC, ServicesUnderTest.topic("scoring"));
            Config config = admin.describeConfigs(List.of(scoring)).all().get().get(scoring);
            assertThat(config.get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
