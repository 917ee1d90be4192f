package cn.lianluo.common.rest;

import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A list is read either by page ({@code page}, {@code size}: the lists people browse) or by cursor ({@code after},
 * {@code size}: the {@code …/changes} lists other systems sync), never both: {@code page} with {@code after} is a 400,
 * and so is {@code after} on a paged list, which would otherwise be ignored and answer page 0 to a reader who thinks
 * they are syncing.
 */
public class CursorParams {

    /** The lists read by cursor end so: {@code /api/v1/cases/changes}, {@code /api/v1/deputies/changes} … */
    public static final String CHANGES = "/changes";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String path = request.getUriInfo().getPath();
        ProblemException problem = null;
        if (path.endsWith(CHANGES) && query.containsKey("page")) {
            problem = ProblemException.invalid("page", "a list is read by page or by cursor (after), not both; "
                    + "this one is read by cursor: pass the next of the last page as after");
        } else if (!path.endsWith(CHANGES) && query.containsKey(Cursor.PARAM)) {
            problem = ProblemException.invalid(Cursor.PARAM, query.containsKey("page")
                    ? "a list is read by page or by cursor (after), not both"
                    : "this list is read by page; its changes are read by cursor at " + path + CHANGES);
        }
        return Optional.ofNullable(problem).map(e -> ProblemMappers.problem(e.status(), e.kind(), e.title(),
                e.getMessage(), ProblemMappers.path(request.getUriInfo()), e.errors()));
    }
}
