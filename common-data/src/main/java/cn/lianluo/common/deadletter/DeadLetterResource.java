package cn.lianluo.common.deadletter;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of the service that serves it, for ADMIN only (a case event's data may hold a citizen's name or
 * phone). Every consuming service has it, at its own {@code {service}} ({@code deputy} in deputy-service): the gateway
 * sends {@code /api/v1/dead-letters/{service}/…} to the service it names. Not in the public document: the operations
 * of five services would share one path there.
 */
@Path("/api/v1/dead-letters/{service}")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** The listing: the service, its channels' dead-letter topics, and the dead letters newest first. */
    public record Listing(String service, Map<String, String> topics, List<DeadLetter> items) {
    }

    /** What a replay sent back. */
    public record Replayed(List<DeadLetterReplay> replayed) {
    }

    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public Listing list(@PathParam("service") String service, @QueryParam("since") String since,
                        @QueryParam("limit") String limit) {
        own(service);
        return new Listing(service, deadLetters.topics(), deadLetters.list(instant("since", since), most(limit)));
    }

    @GET
    @Path("/replays")
    @Operation(hidden = true)
    public List<DeadLetterReplay> replays(@PathParam("service") String service, @QueryParam("limit") String limit) {
        own(service);
        return deadLetters.replays(most(limit));
    }

    @GET
    @Path("/{topic}/{partition}/{offset}")
    @Operation(hidden = true)
    public DeadLetter show(@PathParam("service") String service, @PathParam("topic") String topic,
                           @PathParam("partition") String partition, @PathParam("offset") String offset) {
        own(service);
        return deadLetters.show(topic, QueryParams.integer("partition", partition), offset("offset", offset));
    }

    @POST
    @Path("/replay")
    @Operation(hidden = true)
    public Replayed replay(@PathParam("service") String service, ReplayRequest request) {
        own(service);
        if (request == null) {
            throw ProblemException.invalid("replay", "a body is required");
        }
        return new Replayed(deadLetters.replay(request, caller.subject()));
    }

    private void own(String service) {
        if (!service.equals(deadLetters.service())) {
            throw ProblemException.notFound("service", service);
        }
    }

    private static int most(String raw) {
        if (raw == null) {
            return DeadLetters.MOST;
        }
        int most = QueryParams.integer("limit", raw);
        if (most < 1 || most > DeadLetters.MOST) {
            throw ProblemException.invalid("limit", "between 1 and " + DeadLetters.MOST);
        }
        return most;
    }

    private static long offset(String name, String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw ProblemException.invalid(name, "'" + raw + "' is not an offset (a whole number from 0)");
        }
        return Long.parseLong(raw);
    }

    private static Instant instant(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a moment (2026-12-03T04:00:00Z)");
        }
    }
}
