package cn.lianluo.common.testing;

import cn.lianluo.common.events.CloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates events against the platform's event contract, {@code asyncapi/asyncapi.yaml} in common's resources: the
 * message of the event's type names the schemas its payload must satisfy (the envelope of its topic and the schema of
 * its type, {@code asyncapi/schemas/}). A record is checked besides for its key (the event's subject) and its
 * {@code content-type} header.
 */
public final class EventSchemas {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String DOCUMENT = "asyncapi/asyncapi.yaml";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile JsonNode document;

    private EventSchemas() {
    }

    /** The AsyncAPI document, as read from the classpath. */
    public static JsonNode document() {
        if (document == null) {
            try (InputStream in = resource(DOCUMENT)) {
                document = new YAMLMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    /** The messages of the document by event type (a message's {@code name} is its type). */
    public static Map<String, JsonNode> messages() {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        document().path("components").path("messages").forEach(m -> byType.put(m.path("name").asText(), m));
        return byType;
    }

    /** The event types the document lists for a topic ({@code case.events}, …). */
    public static Set<String> typesOf(String topic) {
        Set<String> types = new TreeSet<>();
        document().path("channels").forEach(channel -> {
            if (topic.equals(channel.path("address").asText())) {
                channel.path("messages").forEach(ref -> types.add(resolve(ref).path("name").asText()));
            }
        });
        return types;
    }

    /** The node a local {@code $ref} ({@code #/components/...}) points to, or the node itself. */
    public static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? resolve(document().at(ref.substring(1))) : node;
    }

    /** The schema files ({@code schemas/x.schema.json}) a type's payload must satisfy, in the document's order. */
    public static List<String> schemaFiles(String type) {
        JsonNode message = messages().get(type);
        if (message == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        message.path("payload").path("schema").path("allOf").forEach(s -> files.add(s.path("$ref").asText()));
        return files;
    }

    public static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            try (InputStream in = resource("asyncapi/" + f)) {
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The problems of an event; empty when its type is in the document and it validates against every schema of it. */
    public static List<String> problems(String event) {
        JsonNode json;
        try {
            json = MAPPER.readTree(event);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        String type = json.path("type").asText();
        List<String> files = schemaFiles(type);
        if (files.isEmpty()) {
            return List.of("the type '" + type + "' is not in " + DOCUMENT);
        }
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            for (ValidationMessage m : schema(file).validate(json)) {
                problems.add(file + ": " + m.getMessage());
            }
        }
        return problems;
    }

    /** The problems of a record: its event's, and a key that is not the subject or a content-type that is not CloudEvents'. */
    public static List<String> problems(ConsumerRecord<String, String> record) {
        List<String> problems = new ArrayList<>(problems(record.value()));
        try {
            String subject = MAPPER.readTree(record.value()).path("subject").asText(null);
            if (subject == null || !subject.equals(record.key())) {
                problems.add("the key '" + record.key() + "' is not the subject '" + subject + "'");
            }
        } catch (IOException e) {
            // reported above
        }
        Header contentType = record.headers().lastHeader("content-type");
        String value = contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8);
        if (!CloudEvent.CONTENT_TYPE.equals(value)) {
            problems.add("the content-type header is '" + value + "', not '" + CloudEvent.CONTENT_TYPE + "'");
        }
        return problems;
    }

    /** Fails with every problem of the record. */
    public static void assertValid(ConsumerRecord<String, String> record) {
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new AssertionError("the record " + record.key() + " = " + record.value() + " breaks the contract:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError("no " + name + " on the classpath");
        }
        return in;
    }
}
