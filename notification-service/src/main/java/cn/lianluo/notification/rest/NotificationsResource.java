package cn.lianluo.notification.rest;

import cn.lianluo.common.paging.Page;
import cn.lianluo.common.security.Roles;
import cn.lianluo.notification.service.Contacts;
import cn.lianluo.notification.service.MessageLog;
import cn.lianluo.notification.service.NotifyDtos.ContactBody;
import cn.lianluo.notification.service.NotifyDtos.ContactView;
import cn.lianluo.notification.service.NotifyDtos.MessageView;
import cn.lianluo.notification.service.NotifyDtos.OptOutBody;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 通知: contacts of units, stations and deputies, the citizens' SMS opt-out, the message log. */
@Path("/api/v1/notifications")
@Tag(name = "notifications", description = "通知 (短信, 电子邮件, 站内信)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    static final String KIND = "unit, station or deputy";
    static final String NO_CONTACT = "Not found 未找到: no contact of this unit, station or deputy";

    private final Contacts contacts;
    private final MessageLog log;

    public NotificationsResource(Contacts contacts, MessageLog log) {
        this.contacts = contacts;
        this.log = log;
    }

    @PUT
    @Path("/contacts/{kind}/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putNotificationContact", summary = "Set a contact 设置通知联系方式",
            description = "The e-mail and phone a unit, station or deputy is notified at; the phone is stored sealed. "
                    + "ADMIN within the contact's region (and the region it had).")
    @APIResponse(responseCode = "200", description = "The contact 通知联系方式, the phone masked")
    @APIResponse(responseCode = "400", description = "Invalid request 请求参数有误: a kind other than " + KIND
            + ", a malformed region, e-mail or phone, or neither an e-mail nor a phone")
    @APIResponse(responseCode = "403", description = "Forbidden 无权操作: outside the caller's region")
    public ContactView put(@Parameter(description = KIND) @PathParam("kind") String kind, @PathParam("id") UUID id,
                           @Valid @NotNull ContactBody body) {
        return contacts.put(kind, id, body);
    }

    @GET
    @Path("/contacts/{kind}/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getNotificationContact", summary = "A contact 通知联系方式",
            description = "The phone masked. ADMIN within the contact's region.")
    @APIResponse(responseCode = "200", description = "The contact 通知联系方式, the phone masked")
    @APIResponse(responseCode = "404", description = NO_CONTACT)
    public ContactView get(@Parameter(description = KIND) @PathParam("kind") String kind, @PathParam("id") UUID id) {
        return contacts.get(kind, id);
    }

    @DELETE
    @Path("/contacts/{kind}/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteNotificationContact", summary = "Remove a contact 删除通知联系方式",
            description = "The unit, station or deputy keeps its inbox; e-mails and SMS to it are SKIPPED (NO_ADDRESS).")
    @APIResponse(responseCode = "204", description = "Removed 已删除")
    @APIResponse(responseCode = "404", description = NO_CONTACT)
    public void delete(@Parameter(description = KIND) @PathParam("kind") String kind, @PathParam("id") UUID id) {
        contacts.delete(kind, id);
    }

    @POST
    @Path("/opt-out")
    @PermitAll
    @Operation(operationId = "optOutOfSms", summary = "Stop SMS 退订短信",
            description = "A citizen names the tracking code and the phone of one of their cases; that phone gets no "
                    + "more SMS (each later one is SKIPPED, OPTED_OUT). No sign-in.")
    @APIResponse(responseCode = "204", description = "Done 已退订")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no case with this tracking code and phone")
    public void optOut(@Valid @NotNull OptOutBody body) {
        log.optOut(body.trackingCode(), body.phone());
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "listNotificationMessages", summary = "Message log 通知记录",
            description = "Every message the rules decided on in the caller's region, newest first, addresses masked, "
                    + "each with its attempts.")
    @APIResponse(responseCode = "200", description = "A page of messages 通知记录")
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a malformed recipient key or caseId, page or size")
    public Page<MessageView> messages(
            @Parameter(description = "a recipient key: citizen:<case id>, unit:<id>, station:<id>, deputy:<id>")
            @QueryParam("recipient") String recipient,
            @Parameter(description = "the case (or deputy, project) the messages are about") @QueryParam("caseId") String caseId,
            @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(5000) int page,
            @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return log.list(recipient, caseId, page, size);
    }
}
