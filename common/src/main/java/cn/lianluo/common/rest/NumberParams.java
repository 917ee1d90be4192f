package cn.lianluo.common.rest;

import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * The numbers and dates of every list and report, checked before a resource sees them: a year outside
 * {@link QueryParams#FIRST_YEAR}–{@link QueryParams#LAST_YEAR}, a page past {@link QueryParams#LAST_PAGE} or starting
 * past row {@link QueryParams#DEEPEST_OFFSET}, a size or count that is no int, a date that is no ISO date of those
 * years is a 400 naming the parameter (not a 404 from the conversion, nor a 500 from date arithmetic or an overflowing
 * offset further in, nor a 504 from an offset read row by row past what the gateway waits for).
 */
public class NumberParams {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        try {
            for (String year : present(query, "year")) {
                QueryParams.year("year", year);
            }
            for (String name : List.of("size", "count", "quarter")) {
                for (String value : present(query, name)) {
                    QueryParams.integer(name, value);
                }
            }
            for (String page : present(query, "page")) {
                int value = QueryParams.integer("page", page);
                if (value > QueryParams.LAST_PAGE) {
                    throw ProblemException.invalid("page", "'" + page + "' is past the last page read, " + QueryParams.LAST_PAGE);
                }
                long size = present(query, "size").stream().mapToLong(s -> QueryParams.integer("size", s))
                        .findFirst().orElse(QueryParams.DEFAULT_SIZE);
                if ((long) value * size > QueryParams.DEEPEST_OFFSET) {
                    throw ProblemException.invalid("page", "page " + value + " of size " + size + " starts past row "
                            + QueryParams.DEEPEST_OFFSET + ", the deepest a page goes; read further with a cursor "
                            + "(after=) where the list has one, or export the list");
                }
            }
            for (String name : List.of("from", "to", "date")) {
                for (String value : present(query, name)) {
                    QueryParams.date(name, value);
                }
            }
        } catch (ProblemException e) {
            return Optional.of(ProblemMappers.problem(e.status(), e.kind(), e.title(), e.getMessage(),
                    ProblemMappers.path(request.getUriInfo()), e.errors()));
        }
        return Optional.empty();
    }

    /** The values given; an empty {@code ?year=} is no value, as JAX-RS reads it. */
    private static List<String> present(MultivaluedMap<String, String> query, String name) {
        return query.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
