package cn.lianluo.notification.rest;

import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.notification.service.WebhookDtos.DeadLetter;
import cn.lianluo.notification.service.WebhookDtos.ReplayRequest;
import cn.lianluo.notification.service.WebhookDtos.Replayed;
import cn.lianluo.notification.service.WebhookDtos.Webhook;
import cn.lianluo.notification.service.WebhookDtos.WebhookRequest;
import cn.lianluo.notification.service.Webhooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Webhooks for other government systems (外部系统订阅): subscriptions, replay and dead letters. */
@Path("/api/v1/webhooks")
@Tag(name = "webhooks", description = "外部系统事件订阅 (webhooks)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class WebhookResource {

    static final String ID = "the subscription's id";
    static final String NOT_FOUND = "Not found 未找到: no such subscription";

    private final Webhooks webhooks;
    private final Caller caller;

    public WebhookResource(Webhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver 新建事件订阅",
            description = "Each event of the given types whose region lies inside regionPrefix is POSTed to the URL as a "
                    + "signed CloudEvent (docs/notifications.md, Webhooks). Only https: URLs of public addresses, unless "
                    + "the deployment allows otherwise; the region must lie within the caller's scope.")
    @APIResponse(responseCode = "201", description = "Created: the subscription (without its secret)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "400", description = "Invalid request 请求参数有误: a URL not allowed, an unknown event type, "
            + "a malformed region, a secret too short")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: the region lies outside the caller's scope")
    public Response create(WebhookRequest request) {
        Webhook created = webhooks.create(request, caller);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Subscriptions 事件订阅列表",
            description = "The subscriptions whose region lies inside the caller's scope, newest first.")
    @APIResponse(responseCode = "200", description = "The subscriptions 事件订阅列表")
    public List<Webhook> list() {
        return webhooks.list(caller);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "A subscription 事件订阅")
    @APIResponse(responseCode = "200", description = "The subscription 事件订阅")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Webhook get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return webhooks.get(id, caller);
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription 删除事件订阅",
            description = "Its matched events, pending deliveries and dead letters go with it.")
    @APIResponse(responseCode = "204", description = "Deleted 已删除")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public void delete(@Parameter(description = ID) @PathParam("id") UUID id) {
        webhooks.delete(id, caller);
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "pauseWebhook", summary = "Pause a subscription 暂停推送",
            description = "Nothing is sent while paused; the events matched meanwhile wait and are sent, in order, on resume.")
    @APIResponse(responseCode = "200", description = "The subscription, PAUSED 已暂停")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Webhook pause(@Parameter(description = ID) @PathParam("id") UUID id) {
        return webhooks.setPaused(id, true, caller);
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resumeWebhook", summary = "Resume a subscription 恢复推送",
            description = "What was matched while it was paused is sent, in order.")
    @APIResponse(responseCode = "200", description = "The subscription, ACTIVE 已恢复")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Webhook resume(@Parameter(description = ID) @PathParam("id") UUID id) {
        return webhooks.setPaused(id, false, caller);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayWebhook", summary = "Replay from a time 从某时刻起重新推送",
            description = "Every event the subscription matched whose CloudEvent time is at or after `from` is delivered "
                    + "again, with its original id (receivers drop ids they have seen unless they want the replay).")
    @APIResponse(responseCode = "200", description = "Queued 已排队: how many deliveries were queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: no `from`, or one that is not an ISO 8601 time")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Replayed replay(@Parameter(description = ID) @PathParam("id") UUID id, ReplayRequest request) {
        return webhooks.replay(id, request == null ? null : request.from(), caller);
    }

    @GET
    @Path("/{id}/dead-letters")
    @Operation(operationId = "listWebhookDeadLetters", summary = "Dead letters 推送失败的事件",
            description = "Deliveries given up after retrying for lianluo.notify.webhooks.give-up-after (24 h), oldest first.")
    @APIResponse(responseCode = "200", description = "The dead letters 推送失败的事件 (at most 1,000)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<DeadLetter> deadLetters(@Parameter(description = ID) @PathParam("id") UUID id) {
        return webhooks.deadLetters(id, caller);
    }

    @POST
    @Path("/{id}/dead-letters/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayWebhookDeadLetters", summary = "Replay every dead letter 重新推送全部失败事件",
            description = "Each dead letter is retried again, with a fresh give-up period from its next attempt.")
    @APIResponse(responseCode = "200", description = "Queued 已排队: how many dead letters are retried")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Replayed replayDeadLetters(@Parameter(description = ID) @PathParam("id") UUID id) {
        return webhooks.replayDeadLetters(id, null, caller);
    }

    @POST
    @Path("/{id}/dead-letters/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayWebhookDeadLetter", summary = "Replay one dead letter 重新推送一条失败事件",
            description = "The dead letter is retried again, with a fresh give-up period from its next attempt.")
    @APIResponse(responseCode = "200", description = "Queued 已排队 (deliveries: 1)")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such subscription, or no such dead letter of it")
    public Replayed replayDeadLetter(@Parameter(description = ID) @PathParam("id") UUID id,
                                     @Parameter(description = "the dead letter's id") @PathParam("deliveryId") long deliveryId) {
        return webhooks.replayDeadLetters(id, deliveryId, caller);
    }
}
