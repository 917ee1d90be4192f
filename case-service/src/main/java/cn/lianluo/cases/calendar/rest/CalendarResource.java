package cn.lianluo.cases.calendar.rest;

import cn.lianluo.cases.calendar.service.CalendarService;
import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.calendar.Arrangement;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar (a province-scoped ADMIN edits it) and the deadline policy of a region. */
@Path("/api/v1")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Schema(name = "CalendarDayRequest")
    public record DayRequest(@NotNull @Schema(description = "false: a day off (holiday); true: a make-up working day 调休上班")
                             Boolean working, @NotBlank @Size(max = 50) String name) {
    }

    @Schema(name = "CalendarArrangedDay")
    public record ArrangedDay(@NotNull @Schema(description = "the day, inside the arrangement's year") LocalDate date,
                              @NotNull @Schema(description = "false: a day off (holiday); true: a make-up working day 调休上班")
                              Boolean working, @NotBlank @Size(max = 50) String name) {
    }

    @Schema(name = "CalendarArrangementRequest", description = "The State Council's arrangement of a year "
            + "(国务院办公厅关于部分节假日安排的通知): every day off and every make-up working day of the year, each date once.")
    public record ArrangementRequest(@NotNull @Size(min = 1, max = 366) List<@NotNull @Valid ArrangedDay> days) {
    }

    @Schema(name = "DeadlinePolicyRequest", description = "Time limits in working days.")
    public record PolicyRequest(@NotNull @Min(0) @Max(60) Integer assignDays, @NotNull @Min(0) @Max(60) Integer handleComplaintDays,
                                @NotNull @Min(0) @Max(60) Integer handleEnquiryDays, @NotNull @Min(0) @Max(60) Integer urgentHandleDays,
                                @NotNull @Min(0) @Max(60) Integer replyDays, @NotNull @Min(1) @Max(60) Integer visitDays,
                                @Size(max = 500) String note) {
    }

    private static final String DATE = "an ISO date (2026-10-01), years 1900 to 2999";

    private final CalendarService calendars;
    private final CaseClock clock;
    private final Caller caller;

    public CalendarResource(CalendarService calendars, CaseClock clock, Caller caller) {
        this.calendars = calendars;
        this.clock = clock;
        this.caller = caller;
    }

    /** The days of a year that differ from the weekday rule. */
    @GET
    @Path("/calendar/{year}")
    @PermitAll
    @Operation(operationId = "listCalendarDays", summary = "Working-day calendar 工作日历",
            description = "The days of a year that differ from the weekday rule (holidays off, 调休 make-up days on), by date. "
                    + "A year whose official arrangement is not loaded yet has its statutory days off computed from the "
                    + "holiday rules (provisional: true, no 调休); from 2000 to 2099.")
    public List<CalendarDay> year(@PathParam("year") @Parameter(description = "the year, 1900 to 2999",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2999")) String year) {
        return calendars.year(QueryParams.year("year", year));
    }

    @PUT
    @Path("/calendar/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "arrangeCalendarYear", summary = "Load a year's holiday arrangement 导入年度节假日安排",
            description = "The State Council's arrangement of a year replaces every day of that year (the computed, "
                    + "provisional days, or days set one by one); published as lianluo.case.calendar-arranged.v1, which "
                    + "station-service follows for its reception days. The calendar is the province's: only an ADMIN "
                    + "scoped to the province (43) loads it.")
    @APIResponse(responseCode = "200", description = "The year's days as loaded 已导入")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: not an ADMIN, or an ADMIN scoped below the province (43): "
            + "the calendar is the province's")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a date outside the year, a date given twice, "
            + "or no day off at all")
    public List<CalendarDay> arrangeYear(@PathParam("year") @Parameter(description = "the year, 1900 to 2999",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2999")) String year,
                                         @NotNull @Valid ArrangementRequest arrangement) {
        requireProvince();
        int y = QueryParams.year("year", year);
        return calendars.arrange(new Arrangement(y, arrangement.days().stream()
                .map(d -> new CalendarDay(d.date(), d.working(), d.name())).toList()), caller.subject(), clock.now());
    }

    @PUT
    @Path("/calendar/days/{date}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setCalendarDay", summary = "Set a calendar day 设置节假日/调休",
            description = "A holiday or a make-up working day, set or changed (lianluo.case.calendar-day-set.v1). The calendar is the province's: only an "
                    + "ADMIN scoped to the province (43) changes it; 403 for any narrower scope.")
    @APIResponse(responseCode = "200", description = "The day as set 已设置")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: not an ADMIN, or an ADMIN scoped below the province (43): "
            + "the calendar is the province's")
    public CalendarDay setDay(@PathParam("date") @Parameter(description = DATE, schema = @Schema(type = SchemaType.STRING, format = "date"))
                              String date, @NotNull @Valid DayRequest day) {
        requireProvince();
        return calendars.setDay(date(date), day.working(), day.name(), clock.now());
    }

    @DELETE
    @Path("/calendar/days/{date}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeCalendarDay", summary = "Remove a calendar day 删除节假日/调休",
            description = "The day follows the weekday rule again (lianluo.case.calendar-day-removed.v1); in a year with no "
                    + "arrangement, the computed day off if it is one. The calendar is the province's: only an ADMIN scoped to "
                    + "the province (43) changes it; 403 for any narrower scope.")
    @APIResponse(responseCode = "204", description = "Removed 已删除")
    @APIResponse(responseCode = "403", description = "Forbidden 无权限: not an ADMIN, or an ADMIN scoped below the province (43): "
            + "the calendar is the province's")
    @APIResponse(responseCode = "404", description = "Not found 未找到: the day is not set in the calendar")
    public Response removeDay(@PathParam("date") @Parameter(description = DATE, schema = @Schema(type = SchemaType.STRING, format = "date"))
                              String date) {
        requireProvince();
        calendars.removeDay(date(date), clock.now());
        return Response.noContent().build();
    }

    @GET
    @Path("/deadline-policies/{region}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    @Operation(operationId = "getDeadlinePolicy", summary = "Deadline policy 办理时限",
            description = "In working days; the policy of the most specific region above (or at) the region that has one, "
                    + "else the default. Reference data for every role it names, in any region.")
    public DeadlinePolicy policy(@PathParam("region") @Parameter(description = "行政区划代码 region code") String region) {
        return calendars.policyFor(RegionCodes.field("region", region));
    }

    @PUT
    @Path("/deadline-policies/{region}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "setDeadlinePolicy", summary = "Set a deadline policy 设置办理时限",
            description = "The time limits of a region inside the token's region, and of the regions below it that set none.")
    public DeadlinePolicy setPolicy(@PathParam("region") @Parameter(description = "行政区划代码 region code") String region,
                                    @NotNull @Valid PolicyRequest p) {
        RegionCode code = RegionCodes.field("region", region);
        caller.requireWithin(code);
        return calendars.setPolicy(code, new DeadlinePolicy(p.assignDays(), p.handleComplaintDays(), p.handleEnquiryDays(),
                p.urgentHandleDays(), p.replyDays(), p.visitDays()), p.note(), caller.subject(), clock.now());
    }

    /**
     * The working-day calendar is one for the whole province: every deadline in every county is counted on it, so
     * only the top of the region tree changes it, never an ADMIN scoped to a city, county or township.
     */
    private void requireProvince() {
        if (!caller.region().equals(RegionCode.HUNAN)) {
            throw ProblemException.forbidden("the working-day calendar is the province's: only an ADMIN scoped to "
                    + RegionCode.HUNAN + " changes it, not one scoped to " + caller.region());
        }
    }

    private static LocalDate date(String raw) {
        return QueryParams.date("date", raw);
    }
}
