package cn.lianluo.common.events.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events of {@code station.events}: their types and data. A change that breaks a consumer is a new version. */
public final class StationEvents {

    public static final String TOPIC = "station.events";

    public static final String REGISTERED = "lianluo.station.registered.v1";
    public static final String UPDATED = "lianluo.station.updated.v1";
    public static final String STANDARD_ASSESSED = "lianluo.station.standard-assessed.v1";
    public static final String RECEPTION_HELD = "lianluo.station.reception-held.v1";
    public static final String ACTIVITY_HELD = "lianluo.station.activity-held.v1";
    /** 代表有约: a citizen booked a deputy's slot at a station. Keyed by the station's id, as the rest of its appointments. */
    public static final String APPOINTMENT_BOOKED = "lianluo.station.appointment-booked.v1";
    /**
     * An appointment cancelled: by its citizen (code and phone), or because the deputy's slot was withdrawn
     * ({@code reason} SLOT_WITHDRAWN, one such event per booking the slot held, beside the slot-withdrawn event).
     */
    public static final String APPOINTMENT_CANCELLED = "lianluo.station.appointment-cancelled.v1";
    /** A deputy (or staff for them) withdrew a slot: it takes no more bookings, and its open bookings were cancelled. */
    public static final String SLOT_WITHDRAWN = "lianluo.station.slot-withdrawn.v1";
    /** The citizen and the deputy met: the meeting is a station entry (its reception-held event follows in the same transaction). */
    public static final String APPOINTMENT_MET = "lianluo.station.appointment-met.v1";
    /** One side did not come: CITIZEN_NO_SHOW or DEPUTY_NO_SHOW. */
    public static final String APPOINTMENT_MISSED = "lianluo.station.appointment-missed.v1";
    /** 述职评议: a voter assessed a deputy's report; keyed by the activity's id, with the report's tally so far. */
    public static final String REPORT_ASSESSED = "lianluo.station.report-assessed.v1";
    /** An ADMIN imported regions (行政区划): keyed by the code of the smallest region holding all the file's rows. */
    public static final String REGIONS_IMPORTED = "lianluo.station.regions-imported.v1";
    public static final String REGIONS_ADDED = "lianluo.station.regions-added.v1";

    private StationEvents() {
    }

    /** For registered and updated. */
    public record StationData(UUID stationId, String type, String name, String regionCode, UUID parentStationId,
                              boolean standardMet) {
    }

    public record StandardAssessed(UUID stationId, String regionCode, boolean met, List<String> itemsMet) {
    }

    /** Each deputy on duty gets a station entry (进站) from this event. */
    public record ReceptionHeld(UUID receptionId, UUID stationId, String regionCode, LocalDate date,
                                List<String> deputyIds, int visitors, int casesReceived) {
    }

    /** {@code reportingDeputyId}: the deputy who reported (REPORT only; absent from events written before REPORT existed). */
    public record ActivityHeld(UUID activityId, String kind, String fiveIntoTarget, String regionCode, UUID stationId,
                               LocalDate date, List<String> participantDeputyIds, UUID reportingDeputyId) {
    }

    /**
     * One voter's assessment ({@code satisfaction}: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED) and the report's
     * counts after it; {@code actorRole} is CITIZEN when the voter assessed on the H5, else the role of the staff who
     * entered it. Nobody's phone, not even masked.
     */
    public record ReportAssessed(UUID activityId, UUID reportingDeputyId, String regionCode, UUID stationId, LocalDate date,
                                 String satisfaction, String actorRole, int satisfied, int basicallySatisfied,
                                 int unsatisfied, Double satisfactionRate) {
    }

    /**
     * An appointment booked: its ids, time and station. The citizen is never in an event in clear: {@code citizen}
     * carries the phone sealed for notification-service alone (the reminder), as case events do; absent from events
     * written before the reminders.
     */
    public record AppointmentBooked(UUID appointmentId, UUID slotId, UUID stationId, String regionCode, UUID deputyId,
                                    Instant startsAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String stationName,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) SealedCitizen citizen) {
    }

    /**
     * {@code reason}: CITIZEN (the citizen cancelled) or SLOT_WITHDRAWN (absent from events written before slots could be
     * withdrawn: the citizen's). On a withdrawal {@code citizen} carries the phone sealed for notification-service, which
     * tells the citizen; {@code startsAt} and {@code stationName} name the meeting that will not take place.
     */
    public record AppointmentCancelled(UUID appointmentId, UUID slotId, UUID stationId, String regionCode, UUID deputyId,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) Instant startsAt,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) String stationName,
                                       @JsonInclude(JsonInclude.Include.NON_NULL) SealedCitizen citizen) {
    }

    /** Why an appointment was cancelled. */
    public static final String CANCELLED_BY_CITIZEN = "CITIZEN";
    public static final String CANCELLED_SLOT_WITHDRAWN = "SLOT_WITHDRAWN";

    /**
     * The citizen's contact as only notification-service reads it: {@code {"phone"}} sealed with AES-256-GCM under
     * {@code lianluo.notify.key} ({@link cn.lianluo.common.privacy.SealedContact}). Nothing that leaves the platform
     * carries it.
     */
    public record SealedCitizen(String sealed) {
    }

    /** A slot withdrawn, with how many open bookings it cancelled (each has its appointment-cancelled event). */
    public record SlotWithdrawn(UUID slotId, UUID stationId, String regionCode, UUID deputyId, Instant startsAt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String reason, int appointmentsCancelled) {
    }

    /**
     * The meeting held: {@code receptionId} is the station entry it became; {@code requestRemains} says whether the
     * citizen's problem is still to be handled (the station then takes it in as a case of channel APPOINTMENT).
     */
    public record AppointmentMet(UUID appointmentId, UUID stationId, String regionCode, UUID deputyId, LocalDate date,
                                 UUID receptionId, boolean requestRemains) {
    }

    public record AppointmentMissed(UUID appointmentId, UUID stationId, String regionCode, UUID deputyId, LocalDate date,
                                    String status) {
    }

    /** What an import changed under {@code regionCode}: regions added, regions renamed (the rest were there as given). */
    public record RegionsImported(String regionCode, int rows, int added, int renamed, List<String> renamedCodes) {
    }

    /**
     * The codes an import added under {@code regionCode}, so other services know them (case-service checks a case's
     * region); a large import sends several, at most {@link #REGIONS_ADDED_PER_EVENT} codes each.
     */
    public record RegionsAdded(String regionCode, List<String> codes) {
    }

    /** Codes one regions-added event carries (a province's villages are tens of thousands). */
    public static final int REGIONS_ADDED_PER_EVENT = 5000;

    public static final EventContract CONTRACT = EventContract.of(TOPIC)
            .with(StationData.class, REGISTERED, UPDATED)
            .with(StandardAssessed.class, STANDARD_ASSESSED)
            .with(ReceptionHeld.class, RECEPTION_HELD)
            .with(ActivityHeld.class, ACTIVITY_HELD)
            .with(ReportAssessed.class, REPORT_ASSESSED)
            .with(RegionsImported.class, REGIONS_IMPORTED)
            .with(RegionsAdded.class, REGIONS_ADDED)
            .with(AppointmentBooked.class, APPOINTMENT_BOOKED)
            .with(AppointmentCancelled.class, APPOINTMENT_CANCELLED)
            .with(AppointmentMet.class, APPOINTMENT_MET)
            .with(AppointmentMissed.class, APPOINTMENT_MISSED)
            .with(SlotWithdrawn.class, SLOT_WITHDRAWN);
}
