package cn.lianluo.common.rest;

import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StrictParamsTest {

    enum Level { COUNTY, TOWNSHIP }

    /** The parameters as a resource declares them: the provider reads their annotations as Quarkus REST passes them. */
    @SuppressWarnings("unused")
    void resource(@PathParam("id") UUID id, @QueryParam("active") Boolean active, @QueryParam("deputy") UUID deputy,
                  @QueryParam("page") @DefaultValue("0") int page, @QueryParam("count") Long count,
                  @QueryParam("from") LocalDate from, @QueryParam("level") Level level, @QueryParam("q") String q,
                  @HeaderParam("X-Id") UUID header, UUID unannotated) {
    }

    /** The converter for the resource's parameter at this position (Quarkus REST passes its annotations so). */
    @SuppressWarnings("unchecked")
    static ParamConverter<Object> at(int position) {
        Method method = Arrays.stream(StrictParamsTest.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("resource")).findFirst().orElseThrow();
        return (ParamConverter<Object>) new StrictParams().getConverter(method.getParameterTypes()[position],
                method.getGenericParameterTypes()[position], method.getParameterAnnotations()[position]);
    }

    /** The problem a bad value becomes: a 400 naming the parameter. */
    static ProblemException problem(ParamConverter<Object> converter, String value) {
        Throwable thrown = catchThrowable(() -> converter.fromString(value));
        assertThat(thrown).isInstanceOf(BadRequestException.class).hasCauseInstanceOf(ProblemException.class);
        return (ProblemException) thrown.getCause();
    }

    @Test
    void a_bad_uuid_in_a_path_or_a_query_is_a_400_naming_the_parameter() {
        ProblemException path = problem(at(0), "xyz");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("id"));
        assertThat(problem(at(2), "not-a-uuid").errors().get(0).field()).isEqualTo("deputy");
        assertThat(problem(at(2), "1-2-3-4-5").errors().get(0).field()).isEqualTo("deputy");
        UUID id = UUID.randomUUID();
        assertThat(at(0).fromString(id.toString())).isEqualTo(id);
        assertThat(at(0).fromString(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void a_boolean_is_true_or_false_and_nothing_else() {
        assertThat(at(1).fromString("true")).isEqualTo(true);
        assertThat(at(1).fromString("FALSE")).isEqualTo(false);
        for (String bad : new String[] {"maybe", "1", "yes", "t"}) {
            assertThat(problem(at(1), bad).errors().get(0).field()).isEqualTo("active");
        }
    }

    @Test
    void an_empty_value_is_no_value_and_takes_the_default() {
        assertThat(at(1).fromString("")).isNull();
        assertThat(at(2).fromString(" ")).isNull();
        assertThat(at(3).fromString("")).isEqualTo(0);
    }

    @Test
    void numbers_dates_and_enums_name_their_parameter_when_bad() {
        assertThat(at(3).fromString("7")).isEqualTo(7);
        assertThat(problem(at(3), "abc").errors().get(0).field()).isEqualTo("page");
        assertThat(problem(at(3), "99999999999").errors().get(0).field()).isEqualTo("page");
        assertThat(at(4).fromString("99999999999")).isEqualTo(99_999_999_999L);
        assertThat(problem(at(4), "1e3").errors().get(0).field()).isEqualTo("count");
        assertThat(at(5).fromString("2026-10-01")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(problem(at(5), "2026-13-45").errors().get(0).field()).isEqualTo("from");
        assertThat(at(6).fromString("TOWNSHIP")).isEqualTo(Level.TOWNSHIP);
        assertThat(at(6).fromString("county")).isEqualTo(Level.COUNTY);
        assertThat(problem(at(6), "VILLAGE").errors().get(0).field()).isEqualTo("level");
    }

    @Test
    void strings_headers_and_unannotated_parameters_are_left_to_quarkus() {
        assertThat(at(7)).isNull();
        assertThat(at(8)).isNull();
        assertThat(at(9)).isNull();
    }

    @Test
    void a_value_is_written_back_as_the_client_would_send_it() {
        assertThat(at(6).toString(Level.COUNTY)).isEqualTo("COUNTY");
        assertThat(at(3).toString(5)).isEqualTo("5");
        assertThat(at(1).toString(null)).isNull();
    }
}
