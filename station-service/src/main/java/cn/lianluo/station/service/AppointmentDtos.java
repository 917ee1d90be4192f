package cn.lianluo.station.service;

import cn.lianluo.station.domain.AppointmentStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response models of 代表有约 (appointments with a deputy). */
public final class AppointmentDtos {

    /** As case-service reads a citizen's phone: a mainland mobile or a landline with its area code. */
    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    public static final String PHONE_MESSAGE = "a mainland mobile number (11 digits from 13 to 19) or a landline with its area code (0743-1234567)";

    private AppointmentDtos() {
    }

    @Schema(description = "A slot a deputy opens at the station")
    public record SlotRequest(@NotNull UUID deputyId,
                              @NotNull @Schema(description = "when it begins, with its offset (2026-12-10T09:30:00+08:00)") OffsetDateTime startsAt,
                              @Min(5) @Max(480) @Schema(nullable = true, description = "minutes; default 30") Integer minutes,
                              @Min(1) @Max(50) @Schema(nullable = true, description = "citizens it takes; default 1") Integer capacity) {
    }

    @Schema(description = "A reception day (接待日) of the station to cut into slots for each deputy on duty")
    public record SlotDayRequest(@NotNull LocalDate date,
                                 @Min(5) @Max(480) @Schema(nullable = true, description = "minutes a slot; default 30") Integer minutes,
                                 @Min(1) @Max(50) @Schema(nullable = true, description = "citizens a slot; default 1") Integer capacity) {
    }

    @Schema(description = "A slot as the public sees it: whose, when, and how many places are left (never who booked)")
    public record SlotView(UUID id, UUID stationId, UUID deputyId, OffsetDateTime startsAt, int minutes, int capacity, int free) {
    }

    @Schema(description = "A citizen's booking: no sign-in; the phone is the key to cancel, with the code the answer gives")
    public record BookingRequest(@NotBlank @Size(max = 50) String name,
                                 @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                                 @NotBlank @Size(max = 1000) @Schema(description = "what the citizen wants to raise") String topic,
                                 @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "letters, digits, dots and dashes")
                                 @Schema(required = true, description = "the version of the notice on personal data (个人信息处理告知) "
                                         + "the citizen was shown and agreed to before sending name and phone; recorded with the "
                                         + "time (PIPL art. 14, 17), as a case's. Without it the booking is refused (422 on this field)",
                                         examples = "2026-12-01") String consentedNotice) {

        public BookingRequest(String name, String phone, String topic) {
            this(name, phone, topic, null);
        }
    }

    @Schema(description = "Why a slot is withdrawn (撤销时段); its open bookings are cancelled and their citizens told by SMS")
    public record WithdrawRequest(@Size(max = 500) @Schema(nullable = true) String reason) {
    }

    @Schema(description = "A slot withdrawn: when, and how many open bookings it cancelled")
    public record SlotWithdrawal(UUID slotId, OffsetDateTime withdrawnAt, int appointmentsCancelled) {
    }

    @Schema(description = "The booking as its citizen sees it once: the code is shown here only, keep it to cancel")
    public record BookingReceipt(UUID appointmentId, @Schema(nullable = true, description = "预约码: with the phone, cancels the booking; null in the answer "
                                         + "to a cancel, where it is spent") String code,
                                 UUID stationId, UUID slotId, UUID deputyId, OffsetDateTime startsAt, int minutes,
                                 AppointmentStatus status) {
    }

    public record CancelRequest(@NotBlank @Size(max = 20) String code,
                                @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    @Schema(description = "The meeting held: it becomes a station entry (进站). `request` is what is still to be handled, "
            + "if anything; blank when the deputy answered on the spot (当场答复)")
    public record MeetingRequest(@Size(max = 5000) @Schema(nullable = true) String note,
                                 @Size(max = 5000) @Schema(nullable = true) String request) {
    }

    public enum NoShow { CITIZEN_NO_SHOW, DEPUTY_NO_SHOW }

    public record NoShowRequest(@NotNull NoShow status, @Size(max = 2000) @Schema(nullable = true) String note) {
    }

    @Schema(description = "An appointment as its station's staff and its deputy see it; in lists the citizen is masked")
    public record AppointmentView(UUID id, UUID slotId, UUID stationId, String regionCode, UUID deputyId,
                                  OffsetDateTime startsAt, int minutes, AppointmentStatus status, String statusName,
                                  String topic, String citizenName, String citizenPhone, OffsetDateTime bookedAt,
                                  @Schema(nullable = true) OffsetDateTime closedAt,
                                  @Schema(nullable = true, description = "the station entry the meeting became") UUID receptionId,
                                  @Schema(nullable = true) String request, @Schema(nullable = true) String note) {
    }

    @Schema(description = "The meeting recorded: the appointment (its citizen whole, for taking the request in as a case of "
            + "channel APPOINTMENT with this appointmentId) and the station entry")
    public record MeetingView(AppointmentView appointment, StationDtos.ReceptionView reception, boolean requestRemains) {
    }
}
