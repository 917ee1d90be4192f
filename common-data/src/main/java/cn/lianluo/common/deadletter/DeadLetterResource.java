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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of the service that serves it, for ADMIN only (a case event's data may hold a citizen's name or
 * phone). Every consuming service has it, at its own {@code {service}} ({@code deputy} in deputy-service): the gateway
 * sends {@code /api/v1/dead-letters/{service}/…} to the service it names, and the five services' documents describe
 * the same operations, which the public document holds once (tools/contract/merge.mjs).
 */
@Path("/api/v1/dead-letters/{service}")
@Tag(name = "dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** The listing: the service, its channels' dead-letter topics, and the dead letters newest first. */
    @Schema(name = "DeadLetterListing")
    public record Listing(String service, Map<String, String> topics, List<DeadLetter> items) {
    }

    /** What a replay sent back. */
    @Schema(name = "DeadLetterReplayed")
    public record Replayed(List<DeadLetterReplay> replayed) {
    }

    private static final List<String> SERVICES = List.of("station", "deputy", "case", "scoring", "notification");

    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listDeadLetters", summary = "A service's dead letters 死信列表",
            description = "The records the service's consumers gave up on (an envelope it could not read, an event it "
                    + "could not apply), newest first, without their data: where each lies (topic, partition, offset), "
                    + "its event id and type, where it came from and the reason SmallRye Reactive Messaging gave. since "
                    + "(an instant) keeps those put there since; limit is 1 to 500 (500).")
    @APIResponseSchema(value = Listing.class, responseCode = "200", responseDescription = "The dead letters 死信")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such service")
    @APIResponse(responseCode = "503", description = "Unavailable 暂不可用: Kafka did not answer in time")
    public Listing list(@Parameter(description = "The service whose dead letters (死信) these are", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"station", "deputy", "case", "scoring", "notification"})) @PathParam("service") String service,
                        @Parameter(description = "An instant (2026-12-03T04:00:00Z)") @QueryParam("since") String since,
                        @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                        @QueryParam("limit") String limit) {
        own(service);
        return new Listing(service, deadLetters.topics(), deadLetters.list(instant("since", since), most(limit)));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Path("/replays")
    @Operation(operationId = "listDeadLetterReplays", summary = "The replays of a service's dead letters 死信重放记录",
            description = "Every replay recorded, newest first: who, when, which dead letter, the channel that took it "
                    + "in again and its failure if it gave up again. limit is 1 to 500 (500).")
    @APIResponse(responseCode = "200", description = "The replays 重放记录", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetterReplay.class)))
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such service")
    public List<DeadLetterReplay> replays(@Parameter(description = "The service whose dead letters (死信) these are", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"station", "deputy", "case", "scoring", "notification"})) @PathParam("service") String service,
                                          @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                                  maximum = "500")) @QueryParam("limit") String limit) {
        own(service);
        return deadLetters.replays(most(limit));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Path("/{topic}/{partition}/{offset}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter 死信详情",
            description = "The dead letter with its envelope as it came, data included (a case event's may name a "
                    + "citizen): hence ADMIN only. A value that is not a JSON object is shown as text.")
    @APIResponseSchema(value = DeadLetter.class, responseCode = "200", responseDescription = "The dead letter 死信")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such service, dead-letter topic or record")
    @APIResponse(responseCode = "503", description = "Unavailable 暂不可用: Kafka did not answer in time")
    public DeadLetter show(@Parameter(description = "The service whose dead letters (死信) these are", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"station", "deputy", "case", "scoring", "notification"})) @PathParam("service") String service,
                           @Parameter(description = "A dead-letter topic of the service") @PathParam("topic") String topic,
                           @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                           @PathParam("partition") String partition,
                           @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                           @PathParam("offset") String offset) {
        own(service);
        return deadLetters.show(topic, QueryParams.integer("partition", partition), offset("offset", offset));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Replay dead letters 重放死信",
            description = "Hands dead letters again to the consumer of the channel that gave up on them, in the "
                    + "service itself (nothing is written back to Kafka, where the service may write its own topic "
                    + "only): it takes each in as any delivery, so an event it has applied since changes nothing and a "
                    + "replay may be repeated. Name one record (topic, partition, offset), an event (eventId: its newest "
                    + "dead letter) or a moment (since: every dead letter put there since, at most 500, oldest first). "
                    + "Each replay is recorded (GET …/replays), with failure set when the consumer gave up again: fix "
                    + "what made it give up first. The dead letter stays on its topic until the topic's retention.")
    @APIResponseSchema(value = Replayed.class, responseCode = "200", responseDescription = "The replays made 已重放")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such service, record or event")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the dead-letter topic has no consumer "
            + "here that takes an envelope (no-consumer)")
    @APIResponse(responseCode = "503", description = "Unavailable 暂不可用: Kafka did not answer in time")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayRequest.class)))
    public Replayed replay(@Parameter(description = "The service whose dead letters (死信) these are", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"station", "deputy", "case", "scoring", "notification"})) @PathParam("service") String service, ReplayRequest request) {
        own(service);
        if (request == null) {
            throw ProblemException.invalid("replay", "a body is required");
        }
        return new Replayed(deadLetters.replay(request, caller.subject()));
    }

    private void own(String service) {
        if (!SERVICES.contains(service)) {
            throw ProblemException.invalid("service", "not one of " + String.join(", ", SERVICES));
        }
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
