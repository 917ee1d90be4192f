package cn.lianluo.notification.rest;

import cn.lianluo.common.paging.Page;
import cn.lianluo.common.security.Roles;
import cn.lianluo.notification.service.InboxDtos.InboxEntry;
import cn.lianluo.notification.service.InboxDtos.MarkedRead;
import cn.lianluo.notification.service.InboxDtos.UnreadCount;
import cn.lianluo.notification.service.InboxService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The caller's in-app inbox (站内信): its entries, the unread count for the console's bell, read marks. */
@Path("/api/v1/inbox")
@Tag(name = "inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY, Roles.HANDLER})
public class InboxResource {

    private final InboxService inbox;

    public InboxResource(InboxService inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "The caller's inbox 我的站内信",
            description = "The entries addressed to what the caller's token stands for — its unit (HANDLER), its deputy "
                    + "(DEPUTY), the stations of its region (STATION_STAFF) — newest first, each with whether this "
                    + "account has read it. Other roles have an empty inbox.")
    @APIResponse(responseCode = "200", description = "A page of entries 站内信列表")
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a malformed page, size or unread")
    public Page<InboxEntry> list(
            @Parameter(description = "only the unread entries (true); all when absent or false") @QueryParam("unread") Boolean unread,
            @Parameter(description = "page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return inbox.list(Boolean.TRUE.equals(unread), page, size);
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "inboxUnreadCount", summary = "How many entries are unread 未读站内信数",
            description = "The number the console's bell shows.")
    @APIResponse(responseCode = "200", description = "The unread count 未读数")
    public UnreadCount unreadCount() {
        return inbox.unread();
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markInboxEntryRead", summary = "Mark an entry read 标为已读",
            description = "For this account only; marking it again changes nothing. Another's entry does not exist for "
                    + "the caller (404).")
    @APIResponse(responseCode = "204", description = "Marked 已读")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such entry in the caller's inbox")
    public void markRead(@Parameter(description = "the entry's id") @PathParam("id") UUID id) {
        inbox.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markInboxAllRead", summary = "Mark every entry read 全部已读",
            description = "Every unread entry of the caller's inbox, for this account; answers how many it marked.")
    @APIResponse(responseCode = "200", description = "How many were marked 标记数")
    public MarkedRead markAllRead() {
        return inbox.markAllRead();
    }
}
