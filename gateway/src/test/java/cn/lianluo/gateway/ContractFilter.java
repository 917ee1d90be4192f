package cn.lianluo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every answer the whole-suite tests receive through REST Assured, checked against the served OpenAPI document: the
 * status is one the operation lists, the content type one it declares, its headers are there, and a JSON body
 * validates against the schema (JSON Schema 2020-12, formats asserted). A disagreement fails the test that got the
 * answer, so a served shape and the document cannot part. Requests the document does not describe (an unknown path,
 * a method a path lacks) and the HTTP layer's own 414/431 are left to the tests that provoke them.
 */
public final class ContractFilter implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> TRANSPORT = Set.of(414, 431);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");

    static final AtomicLong CHECKED = new AtomicLong();
    public static final ContractFilter INSTANCE = new ContractFilter();

    private final JsonNode api;
    private final List<Template> templates;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A documented path as a pattern; literal segments win over parameters where two match. */
    private record Template(String path, Pattern pattern, int parameters) {
        static Template of(String path) {
            String regex = Pattern.compile("\\{[^}]+}").splitAsStream(path + "\u0000")
                    .map(s -> Pattern.quote(s.replace("\u0000", ""))).collect(Collectors.joining("[^/]+"));
            return new Template(path, Pattern.compile(regex), (int) path.chars().filter(c -> c == '{').count());
        }
    }

    private ContractFilter() {
        try (InputStream in = ContractFilter.class.getResourceAsStream("/META-INF/contract/openapi.json")) {
            api = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Template> all = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(p -> all.add(Template.of(p)));
        all.sort(Comparator.comparingInt(Template::parameters));
        templates = List.copyOf(all);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String method = request.getMethod();
        String path = URI.create(request.getURI()).getRawPath();
        List<String> problems = check(method, path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + path + " disagrees with the OpenAPI document: "
                    + problems + "; body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** What is wrong with an answer to a request, by the document; nothing for requests it does not describe. */
    List<String> check(String method, String path, Response response) {
        String verb = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(verb) || !path.startsWith("/api/v1/") || TRANSPORT.contains(response.statusCode())) {
            return List.of();
        }
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        JsonNode operation = template.map(t -> api.path("paths").path(t.path()).path(verb)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return List.of();
        }
        CHECKED.incrementAndGet();
        return problems(operation, response);
    }

    private List<String> problems(JsonNode operation, Response response) {
        String status = String.valueOf(response.statusCode());
        JsonNode declared = resolve(operation.path("responses").path(status));
        if (declared.isMissingNode()) {
            return List.of("status " + status + " is not among " + names(operation.path("responses")));
        }
        List<String> problems = new ArrayList<>();
        declared.path("headers").fields().forEachRemaining(h -> {
            if (response.header(h.getKey()) == null) {
                problems.add("header " + h.getKey() + " missing");
            }
        });
        String body = response.asString();
        JsonNode content = declared.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                problems.add("a body where the document declares none");
            }
            return problems;
        }
        String type = Optional.ofNullable(response.contentType()).orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            problems.add("content type '" + type + "' is not among " + names(content));
            return problems;
        }
        if (type.endsWith("json") && media.has("schema")) {
            String key = operation.path("operationId").asText() + " " + status + " " + type;
            JsonSchema schema = schemas.computeIfAbsent(key, k -> compile(media.path("schema")));
            try {
                for (ValidationMessage m : schema.validate(JSON.readTree(body))) {
                    problems.add(m.getMessage());
                }
            } catch (IOException e) {
                problems.add("not JSON: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The schema as a document of its own that carries the components its references point into. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", api.path("components"));
        return factory.getSchema(root, config);
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : node;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
