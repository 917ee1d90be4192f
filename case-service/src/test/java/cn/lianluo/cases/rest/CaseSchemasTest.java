package cn.lianluo.cases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The public contract's documents hold together: every type has a schema, an example that validates, and a place in asyncapi.yaml. */
class CaseSchemasTest {

    static final Path DIR = Path.of("src/main/resources/asyncapi");

    static List<Path> typeSchemas() throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("schemas"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("lianluo.case.")).sorted().toList();
        }
    }

    @Test
    void every_type_schema_has_an_example_that_validates_and_is_in_the_asyncapi_document() throws IOException {
        String asyncapi = Files.readString(DIR.resolve("asyncapi.yaml"));
        List<Path> schemas = typeSchemas();
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(21);
        for (Path file : schemas) {
            JsonNode schema = EventSchemas.MAPPER.readTree(file.toFile());
            String type = schema.path("properties").path("type").path("const").asText();
            assertThat(file.getFileName().toString()).isEqualTo(type + ".schema.json");
            assertThat(asyncapi).contains("name: " + type).contains("schemas/" + type + ".schema.json");
            assertThat(schema.path("examples")).isNotEmpty();
            for (JsonNode example : schema.path("examples")) {
                assertThat(EventSchemas.problems(example.toString())).as(type).isEmpty();
            }
        }
    }

    @Test
    void a_whole_phone_or_a_wrong_type_does_not_validate() throws IOException {
        JsonNode schema = EventSchemas.MAPPER.readTree(DIR.resolve("schemas/lianluo.case.assigned.v1.schema.json").toFile());
        String example = schema.path("examples").get(0).toString();
        assertThat(EventSchemas.problems(example.replace("138****1234", "13812341234"))).isNotEmpty();
        assertThat(EventSchemas.problems(example.replace("\"status\":\"ASSIGNED\"", "\"status\":\"CLOSED\""))).isNotEmpty();
        assertThat(EventSchemas.problems(example.replace("\"citizen\":{", "\"citizen\":{\"idNumber\":\"430822199001011234\","))).isNotEmpty();
    }
}
