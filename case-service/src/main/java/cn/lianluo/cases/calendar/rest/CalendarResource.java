package cn.lianluo.cases.calendar.rest;

import cn.lianluo.cases.calendar.service.CalendarService;
import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.rest.QueryParams;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
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

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar (a province-scoped ADMIN edits it) and the deadline policy of a region. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    public record DayRequest(@NotNull Boolean working, @NotBlank @Size(max = 50) String name) {
    }

    public record PolicyRequest(@NotNull @Min(0) @Max(60) Integer assignDays, @NotNull @Min(0) @Max(60) Integer handleComplaintDays,
                                @NotNull @Min(0) @Max(60) Integer handleEnquiryDays, @NotNull @Min(0) @Max(60) Integer urgentHandleDays,
                                @NotNull @Min(0) @Max(60) Integer replyDays, @NotNull @Min(1) @Max(60) Integer visitDays,
                                @Size(max = 500) String note) {
    }

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
    public List<CalendarDay> year(@PathParam("year") String year) {
        return calendars.year(QueryParams.year("year", year));
    }

    @PUT
    @Path("/calendar/days/{date}")
    @RolesAllowed(Roles.ADMIN)
    public CalendarDay setDay(@PathParam("date") String date, @NotNull @Valid DayRequest day) {
        requireProvince();
        return calendars.setDay(date(date), day.working(), day.name());
    }

    @DELETE
    @Path("/calendar/days/{date}")
    @RolesAllowed(Roles.ADMIN)
    public Response removeDay(@PathParam("date") String date) {
        requireProvince();
        calendars.removeDay(date(date));
        return Response.noContent().build();
    }

    @GET
    @Path("/deadline-policies/{region}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER})
    public DeadlinePolicy policy(@PathParam("region") String region) {
        return calendars.policyFor(RegionCodes.field("region", region));
    }

    @PUT
    @Path("/deadline-policies/{region}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public DeadlinePolicy setPolicy(@PathParam("region") String region, @NotNull @Valid PolicyRequest p) {
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
