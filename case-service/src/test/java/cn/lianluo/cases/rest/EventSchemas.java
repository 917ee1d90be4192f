package cn.lianluo.cases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates case events against the checked-in JSON Schemas: the common one and the one of the event's type. */
final class EventSchemas {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("asyncapi/schemas/" + n)) {
                if (in == null) {
                    throw new AssertionError("no schema asyncapi/schemas/" + n);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The problems of an event; empty when it validates against both schemas. */
    static List<String> problems(String event) {
        try {
            JsonNode json = MAPPER.readTree(event);
            List<String> problems = new ArrayList<>();
            String type = json.path("type").asText();
            String base = type.startsWith("lianluo.case.suggestion-") ? "suggestion-event"
                    : type.startsWith("lianluo.case.project-") ? "project-event" : "case-event";
            for (ValidationMessage m : schema(base + ".schema.json").validate(json)) {
                problems.add(base + ": " + m.getMessage());
            }
            for (ValidationMessage m : schema(json.path("type").asText() + ".schema.json").validate(json)) {
                problems.add(json.path("type").asText() + ": " + m.getMessage());
            }
            return problems;
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
