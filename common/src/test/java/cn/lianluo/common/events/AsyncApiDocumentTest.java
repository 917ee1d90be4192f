package cn.lianluo.common.events;

import cn.lianluo.common.testing.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract holds together: every type has a schema with an example that validates, is a message of its
 * topic's channel and its service's send operation, and every message names schemas and an example that exist.
 */
class AsyncApiDocumentTest {

    static final Path DIR = Path.of("src/main/resources/asyncapi");
    static final List<String> TOPICS = List.of("station", "deputy", "case", "scoring");

    static List<Path> typeSchemas() throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("schemas"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("lianluo.")).sorted().toList();
        }
    }

    @Test
    void every_type_schema_has_an_example_that_validates_and_is_a_message_of_its_topic() throws IOException {
        List<Path> schemas = typeSchemas();
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(60);
        Map<String, JsonNode> messages = EventSchemas.messages();
        for (Path file : schemas) {
            JsonNode schema = EventSchemas.MAPPER.readTree(file.toFile());
            String type = schema.path("properties").path("type").path("const").asText();
            assertThat(file.getFileName().toString()).isEqualTo(type + ".schema.json");
            assertThat(messages).as(type).containsKey(type);
            String topic = type.split("\\.")[1] + ".events";
            assertThat(EventSchemas.typesOf(topic)).as(topic).contains(type);
            assertThat(EventSchemas.schemaFiles(type)).as(type).hasSize(2).endsWith("schemas/" + type + ".schema.json");
            assertThat(schema.path("examples")).as(type).isNotEmpty();
            for (JsonNode example : schema.path("examples")) {
                assertThat(EventSchemas.problems(example.toString())).as(type).isEmpty();
                assertThat(example.path("type").asText()).isEqualTo(type);
            }
        }
        assertThat(messages).hasSameSizeAs(schemas);
    }

    @Test
    void every_message_names_files_that_exist_and_an_example_of_its_own_type() {
        EventSchemas.messages().forEach((type, message) -> {
            for (String file : EventSchemas.schemaFiles(type)) {
                assertThat(DIR.resolve(file)).as(type).exists();
            }
            assertThat(message.path("traits").toString()).as(type).contains("#/components/messageTraits/cloudEvent");
            assertThat(message.path("bindings").path("kafka").path("key").path("type").asText()).as(type).isEqualTo("string");
            JsonNode examples = message.path("examples");
            assertThat(examples).as(type).hasSize(1);
            String ref = examples.get(0).path("payload").path("$ref").asText();
            assertThat(ref).isEqualTo("schemas/" + type + ".schema.json#/examples/0");
            assertThat(examples.get(0).path("headers").path("content-type").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
        });
        JsonNode contentType = EventSchemas.document().path("components").path("messageTraits").path("cloudEvent")
                .path("headers").path("properties").path("content-type");
        assertThat(contentType.path("const").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
    }

    @Test
    void each_topic_has_a_channel_and_its_service_sends_every_message_of_it() {
        JsonNode doc = EventSchemas.document();
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        for (String topic : TOPICS) {
            String channel = topic + "Events";
            assertThat(doc.path("channels").path(channel).path("address").asText()).isEqualTo(topic + ".events");
            assertThat(doc.path("channels").path(channel).path("bindings").path("kafka").path("partitions").asInt()).isEqualTo(3);
            Set<String> types = EventSchemas.typesOf(topic + ".events");
            assertThat(types).as(topic).isNotEmpty().allMatch(t -> t.startsWith("lianluo." + topic + "."));
            JsonNode send = doc.path("operations").path("send" + Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + "Events");
            assertThat(send.path("action").asText()).isEqualTo("send");
            assertThat(send.path("channel").path("$ref").asText()).isEqualTo("#/channels/" + channel);
            Set<String> sent = new TreeSet<>();
            send.path("messages").forEach(m -> sent.add(EventSchemas.resolve(m).path("name").asText()));
            assertThat(sent).isEqualTo(types);
        }
        assertThat(doc.path("channels").size()).isEqualTo(TOPICS.size());
    }

    @Test
    void whole_personal_data_a_wrong_value_or_an_unknown_field_does_not_validate() throws IOException {
        String assigned = example("lianluo.case.assigned.v1");
        assertThat(EventSchemas.problems(assigned.replace("138****1234", "13812341234"))).isNotEmpty();
        assertThat(EventSchemas.problems(assigned.replace("\"status\":\"ASSIGNED\"", "\"status\":\"CLOSED\""))).isNotEmpty();
        assertThat(EventSchemas.problems(assigned.replace("\"citizen\":{", "\"citizen\":{\"idNumber\":\"430822199001011234\","))).isNotEmpty();
        String deputy = example("lianluo.deputy.registered.v1");
        assertThat(EventSchemas.problems(deputy.replace("139****0001", "13900000001"))).isNotEmpty();
        assertThat(EventSchemas.problems(deputy.replace("\"deputyId\":", "\"phone\":\"13900000001\",\"deputyId\":"))).isNotEmpty();
        String reception = example("lianluo.station.reception-held.v1");
        assertThat(EventSchemas.problems(reception.replace("\"visitors\":12", "\"visitors\":-1"))).isNotEmpty();
        assertThat(EventSchemas.problems(reception.replace("/lianluo/station-service", "/lianluo/case-service"))).isNotEmpty();
        String snapshot = example("lianluo.scoring.snapshot-published.v1");
        assertThat(EventSchemas.problems(snapshot.replace("\"quarter\":1", "\"quarter\":5"))).isNotEmpty();
        assertThat(EventSchemas.problems(snapshot.replace("lianluo.scoring.snapshot-published.v1", "lianluo.scoring.snapshot-published.v2")))
                .isNotEmpty();
    }

    static String example(String type) throws IOException {
        return EventSchemas.MAPPER.readTree(DIR.resolve("schemas/" + type + ".schema.json").toFile()).path("examples").get(0).toString();
    }

    @Test
    void no_problems_are_left_unnamed() {
        List<String> unknown = new ArrayList<>(EventSchemas.problems("{\"type\":\"lianluo.nothing.v1\"}"));
        assertThat(unknown).singleElement().asString().contains("not in");
    }
}
