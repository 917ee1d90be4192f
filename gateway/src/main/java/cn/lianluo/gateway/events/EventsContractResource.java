package cn.lianluo.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/events/asyncapi.yaml}, public: the AsyncAPI document of the four topics, the checked-in
 * {@code asyncapi/asyncapi.yaml} of common made whole for a client that reads one file — each JSON Schema it refers to
 * ({@code schemas/x.schema.json}) becomes an entry of {@code components.schemas}, and each example it takes from a
 * schema ({@code schemas/x.schema.json#/examples/0}) is written in place.
 */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventsContractResource {

    public static final String MEDIA_TYPE = "application/yaml";
    static final String DOCUMENT = "asyncapi/asyncapi.yaml";
    private static final String SCHEMAS = "schemas/";

    // strings stay quoted: unquoted, "1.0" or a region code 433124108 would read back as numbers
    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    private volatile String bundled;

    @GET
    @Path("/asyncapi.yaml")
    @Produces(MEDIA_TYPE + ";charset=utf-8")
    @PermitAll
    @Operation(operationId = "getEventsContract", summary = "The events' contract 事件契约 (AsyncAPI 3)",
            description = "The AsyncAPI 3 document of station.events, deputy.events, case.events and scoring.events: "
                    + "each event type's CloudEvents envelope, the JSON Schema of its data, an example, the record key "
                    + "and content-type; one file, every schema in it.")
    @APIResponse(responseCode = "200", description = "the document 文档", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    public String asyncapi() {
        if (bundled == null) {
            bundled = bundle();
        }
        return bundled;
    }

    String bundle() {
        try {
            ObjectNode document = (ObjectNode) read(DOCUMENT);
            ObjectNode components = document.has("components") ? (ObjectNode) document.get("components") : document.putObject("components");
            ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas") : components.putObject("schemas");
            inline(document, schemas);
            return yaml.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every reference into {@code schemas/} below {@code node}. */
    private void inline(JsonNode node, ObjectNode schemas) throws IOException {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode resolved = resolve(object.get(name), schemas);
                if (resolved != null) {
                    object.set(name, resolved);
                } else {
                    inline(object.get(name), schemas);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode resolved = resolve(array.get(i), schemas);
                if (resolved != null) {
                    array.set(i, resolved);
                } else {
                    inline(array.get(i), schemas);
                }
            }
        }
    }

    /** What stands for a {@code $ref} into {@code schemas/}: a reference to its components entry, or the part it names. */
    private JsonNode resolve(JsonNode node, ObjectNode schemas) throws IOException {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith(SCHEMAS)) {
            return null;
        }
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        ObjectNode schema = (ObjectNode) read("asyncapi/" + file);
        // the schema is now a part of the document, not a resource of its own
        schema.remove("$schema");
        schema.remove("$id");
        if (hash >= 0) {
            return schema.at(ref.substring(hash + 1)).deepCopy();
        }
        String name = file.substring(SCHEMAS.length()).replace(".schema.json", "");
        schemas.set(name, schema);
        return yaml.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the classpath");
            }
            return yaml.readTree(in); // YAML reads the JSON schemas too
        }
    }
}
