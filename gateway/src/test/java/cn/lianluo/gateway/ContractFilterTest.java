package cn.lianluo.gateway;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every whole-suite answer goes through can fail: shapes, statuses and headers the document does not allow. */
class ContractFilterTest {

    private static Response answer(int status, String type, String body) {
        ResponseBuilder builder = new ResponseBuilder().setStatusCode(status).setBody(body);
        return (type == null ? builder : builder.setContentType(type)).build();
    }

    @Test
    void a_station_page_without_its_fields_or_with_a_wrong_type_is_refused() {
        String path = "/api/v1/stations/9a3c7f4e-1b2d-4c5e-8f90-123456789abc";
        assertThat(ContractFilter.INSTANCE.check("GET", path, answer(200, "application/json", "{\"id\":\"x\"}")))
                .isNotEmpty();
        assertThat(ContractFilter.INSTANCE.check("GET", path, answer(200, "application/json", "[]"))).isNotEmpty();
        assertThat(ContractFilter.INSTANCE.check("GET", path, answer(200, "text/html", "<p>"))).isNotEmpty();
    }

    @Test
    void an_undocumented_status_or_a_missing_header_is_refused_and_a_documented_problem_passes() {
        String path = "/api/v1/stations/9a3c7f4e-1b2d-4c5e-8f90-123456789abc";
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no station\"}";
        assertThat(ContractFilter.INSTANCE.check("GET", path, answer(418, "application/problem+json", problem))).isNotEmpty();
        assertThat(ContractFilter.INSTANCE.check("GET", path, answer(404, "application/problem+json", problem))).isEmpty();
        String tooMany = "{\"type\":\"about:blank\",\"title\":\"Too many\",\"status\":429}";
        assertThat(ContractFilter.INSTANCE.check("POST", "/api/v1/cases", answer(429, "application/problem+json", tooMany)))
                .anyMatch(p -> p.contains("Retry-After"));
    }

    @Test
    void what_the_document_does_not_describe_is_left_to_the_tests_that_provoke_it() {
        assertThat(ContractFilter.INSTANCE.check("GET", "/api/v1/nowhere", answer(404, null, ""))).isEmpty();
        assertThat(ContractFilter.INSTANCE.check("PATCH", "/api/v1/stations", answer(405, null, ""))).isEmpty();
    }
}
