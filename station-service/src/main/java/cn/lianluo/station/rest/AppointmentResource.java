package cn.lianluo.station.rest;

import cn.lianluo.common.paging.Page;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.station.domain.AppointmentStatus;
import cn.lianluo.station.service.AppointmentDtos.AppointmentView;
import cn.lianluo.station.service.AppointmentDtos.BookingReceipt;
import cn.lianluo.station.service.AppointmentDtos.CancelRequest;
import cn.lianluo.station.service.AppointmentDtos.MeetingRequest;
import cn.lianluo.station.service.AppointmentDtos.MeetingView;
import cn.lianluo.station.service.AppointmentDtos.NoShowRequest;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 代表有约 after booking: the citizen's cancel, the lists of staff and deputies, the meeting and a no-show. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "appointments")
public class AppointmentResource {

    private final AppointmentService appointments;
    private final Caller caller;

    public AppointmentResource(AppointmentService appointments, Caller caller) {
        this.appointments = appointments;
        this.caller = caller;
    }

    @POST
    @Path("/cancel")
    @PermitAll
    @Operation(operationId = "cancelAppointment", summary = "Cancel a booking 取消预约",
            description = "The citizen cancels with the booking code and the phone they booked with; the place is free again.")
    @APIResponse(responseCode = "200", description = "OK: the booking, cancelled")
    @APIResponse(responseCode = "400", description = "Bad request 请求有误: a missing code, a phone that does not read")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no appointment has this code and phone")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the appointment is already cancelled, met or missed")
    public BookingReceipt cancel(@NotNull @Valid CancelRequest request) {
        return appointments.cancel(request);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "listAppointments", summary = "Appointments 代表有约记录",
            description = "With stationId: the station's appointments, for staff of its region (a DEPUTY sees only their "
                    + "own there). Without: a DEPUTY's own appointments at every station. The latest slot first; citizens "
                    + "masked (138****1234).")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region")
    public Page<AppointmentView> list(@QueryParam("stationId") UUID stationId,
                                      @Parameter(schema = @Schema(implementation = AppointmentStatus.class))
                                      @QueryParam("status") String status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return appointments.list(stationId, QueryParams.enumValue("status", status, AppointmentStatus.class), page, size, caller);
    }

    @POST
    @Path("/{id}/meeting")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "recordAppointmentMeeting", summary = "The meeting held 代表有约见面",
            description = "Staff of the station's region or the deputy record that they met, once the appointment's day "
                    + "has come. The meeting becomes a station entry (进站接待: the deputy, one visitor). When `request` "
                    + "names what is still to be handled, the answer carries the citizen whole so it is taken in as a "
                    + "case (POST /api/v1/cases, channel APPOINTMENT, appointmentId = this id).")
    @APIResponse(responseCode = "200", description = "OK: the appointment met and its station entry")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region, another deputy's appointment")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no appointment has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the appointment is already cancelled, met or missed")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: its day has not come")
    public MeetingView meet(@PathParam("id") UUID id, @NotNull @Valid MeetingRequest request) {
        return appointments.meet(id, request, caller);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.DEPUTY})
    @Operation(operationId = "recordAppointmentNoShow", summary = "A side did not come 爽约",
            description = "CITIZEN_NO_SHOW 群众未到 or DEPUTY_NO_SHOW 代表未到, once the slot has begun.")
    @APIResponse(responseCode = "200", description = "OK: the appointment, missed")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: a station outside the caller's region, another deputy's appointment")
    @APIResponse(responseCode = "404", description = "Not found 未找到: no appointment has this id")
    @APIResponse(responseCode = "409", description = "Conflict 状态冲突: the appointment is already cancelled, met or missed")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: the slot has not begun")
    public AppointmentView noShow(@PathParam("id") UUID id, @NotNull @Valid NoShowRequest request) {
        return appointments.noShow(id, request, caller);
    }
}
