package cn.lianluo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The operations of the public API as the served OpenAPI document lists them, so the tests cover a new one unasked. */
final class PublicApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation: its roles ({@code x-roles}, empty when public), its query parameters, its example body (null when
     * it takes no JSON) and whether it takes a file (a multipart/form-data upload).
     */
    record Operation(String method, String path, Set<String> roles, Set<String> queryParameters, JsonNode example,
                     boolean takesFile) {
        boolean isPublic() {
            return roles.isEmpty();
        }

        boolean takesJson() {
            return example != null;
        }

        boolean isRead() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private PublicApi() {
    }

    static List<Operation> operations() {
        JsonNode api;
        try (InputStream in = PublicApi.class.getResourceAsStream("/META-INF/contract/openapi.json")) {
            api = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "post", "put", "delete").contains(op.getKey())) {
                Set<String> roles = new LinkedHashSet<>();
                op.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                Set<String> query = new LinkedHashSet<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                });
                JsonNode content = op.getValue().path("requestBody").path("content");
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), roles, query,
                        content.path("application/json").get("example"), content.has("multipart/form-data")));
            }
        }));
        return operations;
    }
}
