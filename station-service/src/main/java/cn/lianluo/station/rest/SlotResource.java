package cn.lianluo.station.rest;

import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.service.AppointmentDtos.BookingReceipt;
import cn.lianluo.station.service.AppointmentDtos.BookingRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotDayRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotView;
import cn.lianluo.station.service.AppointmentDtos.SlotWithdrawal;
import cn.lianluo.station.service.AppointmentDtos.WithdrawRequest;
import cn.lianluo.station.service.AppointmentService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 代表有约 at a station: deputies' slots (public to read), and a citizen's booking of one (public, no sign-in). */
@Path("/api/v1/stations/{id}/slots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "appointments")
public class SlotResource {

    private final AppointmentService appointments;
    private final Caller caller;

    public SlotResource(AppointmentService appointments, Caller caller) {
        this.appointments = appointments;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listAppointmentSlots", summary = "Deputies' open slots 代表有约时段",
            description = "The station's coming slots that still have a place, earliest first: whose (deputyId), when, "
                    + "how long, how many places are left. Never who booked.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    public List<SlotView> list(@PathParam("id") UUID id,
                               @Parameter(description = "the first day; default today (China)") @QueryParam("from") LocalDate from,
                               @Parameter(description = "how many days from it") @QueryParam("days") @DefaultValue("31")
                               @Min(1) @Max(92) int days,
                               @Parameter(description = "also the slots with no place left (staff's view, to withdraw one)")
                               @QueryParam("full") @DefaultValue("false") boolean full) {
        return appointments.openSlots(id, from, days, full);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "openAppointmentSlot", summary = "Open a slot 开放代表有约时段",
            description = "A deputy opens a slot for themself (a DEPUTY token with its deputyId), or staff of the station's "
                    + "region for a deputy who belongs to the station (assigned to it or living in its region). "
                    + "Length 30 minutes and 1 place unless told.")
    @APIResponse(responseCode = "201", description = "Created 已创建: the slot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region, or a deputy "
            + "opening another deputy's slot")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the deputy has a slot at this station at that time")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a time already passed, or a deputy who does not "
            + "belong to the station")
    public Response open(@PathParam("id") UUID id, @NotNull @Valid SlotRequest request) {
        return Response.status(201).entity(appointments.openSlot(id, request, caller)).build();
    }

    @POST
    @Path("/reception-day")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF})
    @Operation(operationId = "openReceptionDaySlots", summary = "Slots of a reception day 接待日生成时段",
            description = "Cuts the hours of one of the station's reception days (接待日; 09:00-12:00 when its schedule names "
                    + "none) into slots for every active deputy assigned to the station. Slots the day already has stay; "
                    + "the answer lists those added.")
    @APIResponse(responseCode = "201", description = "Created 已创建: the slots added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SlotView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no station has this id")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a day that is not a coming reception day")
    public Response openReceptionDay(@PathParam("id") UUID id, @NotNull @Valid SlotDayRequest request) {
        return Response.status(201).entity(appointments.openReceptionDay(id, request, caller)).build();
    }

    @POST
    @Path("/{slotId}/appointments")
    @PermitAll
    @Operation(operationId = "bookAppointment", summary = "Book a deputy 预约代表",
            description = "A citizen books a place in the slot without signing in: name, phone and what they want to raise. "
                    + "One open appointment per phone and deputy. The answer's code (预约码) is shown only once: with "
                    + "the phone it cancels the booking. Name and phone are stored sealed and are never shown back here. "
                    + "consentedNotice, the version of the notice on personal data agreed to, is required and kept with the "
                    + "time. The citizen gets one SMS reminder before the meeting (docs/notifications.md), none once cancelled.")
    @APIResponse(responseCode = "201", description = "Created 已创建: the booking and its code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingReceipt.class)))
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a missing name or topic, a phone that does not read")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such slot at this station")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the phone already has an open appointment with "
            + "this deputy, the slot is full, has begun, or was withdrawn (slot-withdrawn)")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: no consentedNotice (consent-required): the "
            + "citizen has not agreed to the notice on personal data")
    public Response book(@PathParam("id") UUID id, @PathParam("slotId") UUID slotId, @NotNull @Valid BookingRequest request) {
        BookingReceipt receipt = appointments.book(id, slotId, request);
        return Response.status(201).entity(receipt).build();
    }

    @POST
    @Path("/{slotId}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "withdrawAppointmentSlot", summary = "Withdraw a slot 撤销代表有约时段",
            description = "The deputy (a DEPUTY token with the slot's deputyId), or staff of the station's region for them, "
                    + "withdraws a slot that has not begun. It takes no booking after (409 slot-withdrawn) and leaves the "
                    + "public list; each open booking in it is cancelled and its citizen told by SMS through "
                    + "notification-service. Events: one lianluo.station.appointment-cancelled.v1 (reason SLOT_WITHDRAWN) per "
                    + "booking, and lianluo.station.slot-withdrawn.v1.")
    @APIResponse(responseCode = "200", description = "OK: the slot withdrawn and how many bookings it cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotWithdrawal.class)))
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region, or another "
            + "deputy's slot")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no such slot at this station")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: already withdrawn (slot-withdrawn), or begun (slot-passed)")
    public SlotWithdrawal withdraw(@PathParam("id") UUID id, @PathParam("slotId") UUID slotId, @Valid WithdrawRequest request) {
        return appointments.withdraw(id, slotId, request, caller);
    }
}
