package cn.lianluo.station.service;

import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.domain.AppointmentStatus;
import cn.lianluo.station.domain.DeputiesOnDuty;
import cn.lianluo.station.domain.SlotPlan;
import cn.lianluo.station.persistence.AppointmentEntity;
import cn.lianluo.station.persistence.AppointmentRepository;
import cn.lianluo.station.persistence.AppointmentSlotEntity;
import cn.lianluo.station.persistence.AppointmentSlotRepository;
import cn.lianluo.station.persistence.DeputyCopyRepository;
import cn.lianluo.station.persistence.ReceptionEntity;
import cn.lianluo.station.persistence.StationEntity;
import cn.lianluo.station.service.AppointmentDtos.AppointmentView;
import cn.lianluo.station.service.AppointmentDtos.BookingReceipt;
import cn.lianluo.station.service.AppointmentDtos.BookingRequest;
import cn.lianluo.station.service.AppointmentDtos.CancelRequest;
import cn.lianluo.station.service.AppointmentDtos.MeetingRequest;
import cn.lianluo.station.service.AppointmentDtos.MeetingView;
import cn.lianluo.station.service.AppointmentDtos.NoShowRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotDayRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotRequest;
import cn.lianluo.station.service.AppointmentDtos.SlotView;
import cn.lianluo.station.service.AppointmentDtos.SlotWithdrawal;
import cn.lianluo.station.service.AppointmentDtos.WithdrawRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 代表有约: deputies' slots at a station, citizens' bookings without sign-in, and how each appointment ends — cancelled
 * by its citizen, met (a station entry, and a case of channel APPOINTMENT when a request remains), or missed.
 */
@ApplicationScoped
public class AppointmentService {

    /** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_MINUTES = 30;

    private final StationService stations;
    private final ReceptionService receptions;
    private final AppointmentSlotRepository slots;
    private final AppointmentRepository appointments;
    private final DeputyCopyRepository deputies;
    private final AppointmentCipher cipher;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper mapper;
    /** Seals the citizen's phone into the events for notification-service alone (the reminder, a withdrawal's SMS). */
    private final SealedContact notifySealer;
    private final Clock clock = Clock.system(Zones.CHINA);

    public AppointmentService(StationService stations, ReceptionService receptions, AppointmentSlotRepository slots,
                              AppointmentRepository appointments, DeputyCopyRepository deputies, AppointmentCipher cipher,
                              Outbox outbox, EntityManager em, ObjectMapper mapper,
                              @ConfigProperty(name = "lianluo.notify.key") String notifyKey) {
        this.mapper = mapper;
        this.notifySealer = new SealedContact(notifyKey);
        this.stations = stations;
        this.receptions = receptions;
        this.slots = slots;
        this.appointments = appointments;
        this.deputies = deputies;
        this.cipher = cipher;
        this.outbox = outbox;
        this.em = em;
    }

    /** A slot opened by the deputy themself, or by staff of the station's region for a deputy who belongs to it. */
    @Transactional
    public SlotView openSlot(UUID stationId, SlotRequest request, Caller caller) {
        StationEntity station = stations.require(stationId);
        requireActsFor(caller, station, request.deputyId());
        if (!request.startsAt().isAfter(OffsetDateTime.now(clock))) {
            throw ProblemException.unprocessable("slot-in-past", "startsAt", "a slot is opened for a time still to come");
        }
        receptions.requireOnDuty("deputyId", List.of(request.deputyId()), place(station));
        AppointmentSlotEntity slot = slot(station, request.deputyId(), request.startsAt(),
                request.minutes() == null ? DEFAULT_MINUTES : request.minutes(),
                request.capacity() == null ? 1 : request.capacity(), caller);
        if (slots.count("deputyId = ?1 and stationId = ?2 and startsAt = ?3", slot.deputyId, station.id, slot.startsAt) > 0) {
            throw ProblemException.conflict("slot-exists", "the deputy already has a slot at this station at " + slot.startsAt);
        }
        slots.persist(slot);
        return view(slot, 0);
    }

    /**
     * A reception day's slots for every active deputy assigned to the station, cut from the schedule's hours. Slots the
     * day already has are kept, so asking twice adds nothing.
     */
    @Transactional
    public List<SlotView> openReceptionDay(UUID stationId, SlotDayRequest request, Caller caller) {
        StationEntity station = stations.require(stationId);
        caller.requireWithin(RegionCode.of(station.regionCode));
        if (!request.date().isAfter(LocalDate.now(clock))) {
            throw ProblemException.unprocessable("slot-in-past", "date", "slots are opened for a day still to come");
        }
        var day = stations.receptionDays(station.id, request.date(), 1).stream()
                .filter(d -> d.date().equals(request.date())).findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("not-a-reception-day", "date",
                        request.date() + " is not a reception day (接待日) of the station"));
        int minutes = request.minutes() == null ? DEFAULT_MINUTES : request.minutes();
        List<UUID> onDuty = deputies.list("active = true").stream()
                .filter(d -> d.stationIds.contains(station.id.toString())).map(d -> d.deputyId).sorted().toList();
        List<SlotView> opened = new ArrayList<>();
        for (UUID deputy : onDuty) {
            for (LocalTime start : SlotPlan.starts(day.hours(), minutes)) {
                OffsetDateTime at = request.date().atTime(start).atZone(Zones.CHINA).toOffsetDateTime();
                if (slots.count("deputyId = ?1 and stationId = ?2 and startsAt = ?3", deputy, station.id, at) == 0) {
                    AppointmentSlotEntity slot = slot(station, deputy, at, minutes,
                            request.capacity() == null ? 1 : request.capacity(), caller);
                    slots.persist(slot);
                    opened.add(view(slot, 0));
                }
            }
        }
        return opened;
    }

    /**
     * The public list: the station's coming slots with places left, earliest first; with {@code full} also those
     * without (staff's view, to withdraw one). A withdrawn slot is never listed.
     */
    @Transactional
    public List<SlotView> openSlots(UUID stationId, LocalDate from, int days, boolean full) {
        StationEntity station = stations.require(stationId);
        LocalDate first = from == null || from.isBefore(LocalDate.now(clock)) ? LocalDate.now(clock) : from;
        OffsetDateTime after = OffsetDateTime.now(clock);
        OffsetDateTime start = first.atStartOfDay(Zones.CHINA).toOffsetDateTime();
        OffsetDateTime end = first.plusDays(days).atStartOfDay(Zones.CHINA).toOffsetDateTime();
        List<AppointmentSlotEntity> found = slots.list("stationId = ?1 and startsAt >= ?2 and startsAt < ?3 and startsAt > ?4 "
                        + "and withdrawnAt is null",
                Sort.ascending("startsAt", "deputyId"), station.id, start, end, after);
        Map<UUID, Long> taken = taken(found.stream().map(s -> s.id).toList());
        return found.stream().map(s -> view(s, taken.getOrDefault(s.id, 0L).intValue())).filter(s -> full || s.free() > 0).toList();
    }

    /**
     * A citizen books a place; one open booking per phone and deputy (409). The code in the answer is shown only here:
     * only its keyed hash is kept.
     */
    @Transactional
    public BookingReceipt book(UUID stationId, UUID slotId, BookingRequest request) {
        if (request.consentedNotice() == null || request.consentedNotice().isBlank()) {
            throw ProblemException.unprocessable("consent-required", "consentedNotice",
                    "agree to the notice on personal data (个人信息处理告知) before booking: name the version agreed to");
        }
        AppointmentSlotEntity slot = slots.findByIdOptional(slotId, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> s.stationId.equals(stationId))
                .orElseThrow(() -> ProblemException.notFound("slot", slotId));
        if (slot.withdrawnAt != null) {
            throw ProblemException.conflict("slot-withdrawn", "the deputy withdrew this slot; choose another");
        }
        if (!slot.startsAt.isAfter(OffsetDateTime.now(clock))) {
            throw ProblemException.conflict("slot-passed", "the slot has begun or passed; choose another");
        }
        if (appointments.taken(slot.id) >= slot.capacity) {
            throw ProblemException.conflict("slot-full", "the slot has no place left; choose another");
        }
        String phone = request.phone().strip();
        String phoneHash = cipher.phoneHash(phone);
        // two bookings of one phone with one deputy, in two slots at once, wait for each other here
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "appointment:" + slot.deputyId + ":" + phoneHash).getSingleResult();
        if (appointments.count("deputyId = ?1 and citizenPhoneHash = ?2 and status = 'BOOKED'", slot.deputyId, phoneHash) > 0) {
            throw ProblemException.conflict("appointment-open",
                    "this phone already has an open appointment with this deputy: keep it, or cancel it first");
        }
        String code = newCode();
        AppointmentEntity a = new AppointmentEntity();
        a.id = UUID.randomUUID();
        a.slotId = slot.id;
        a.stationId = slot.stationId;
        a.regionCode = slot.regionCode;
        a.deputyId = slot.deputyId;
        a.status = AppointmentStatus.BOOKED.name();
        a.topic = request.topic().strip();
        a.citizenNameSealed = cipher.seal(request.name().strip(), "citizen_name");
        a.citizenPhoneSealed = cipher.seal(phone, "citizen_phone");
        a.citizenPhoneHash = phoneHash;
        a.codeHash = cipher.codeHash(code);
        a.bookedAt = OffsetDateTime.now(clock);
        a.consentedNotice = request.consentedNotice().strip();
        a.consentedAt = a.bookedAt;
        appointments.persist(a);
        outbox.add(StationEvents.APPOINTMENT_BOOKED, a.stationId.toString(), RegionCode.of(a.regionCode),
                new StationEvents.AppointmentBooked(a.id, slot.id, a.stationId, a.regionCode, a.deputyId, slot.startsAt.toInstant(),
                        stations.require(a.stationId).name, sealedFor(phone)));
        return new BookingReceipt(a.id, code, a.stationId, slot.id, a.deputyId, slot.startsAt, slot.minutes, AppointmentStatus.BOOKED);
    }

    /** The citizen cancels with code and phone; a wrong pair is a 404 that tells nothing of which was wrong. */
    @Transactional
    public BookingReceipt cancel(CancelRequest request) {
        AppointmentEntity a = appointments.find("codeHash", cipher.codeHash(request.code()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(found -> found.citizenPhoneHash.equals(cipher.phoneHash(request.phone().strip())))
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found 未找到",
                        "no appointment has this code and phone", List.of()));
        close(a, AppointmentStatus.Command.CANCEL, "citizen");
        a.cancelReason = StationEvents.CANCELLED_BY_CITIZEN;
        AppointmentSlotEntity slot = slots.findById(a.slotId);
        outbox.add(StationEvents.APPOINTMENT_CANCELLED, a.stationId.toString(), RegionCode.of(a.regionCode),
                new StationEvents.AppointmentCancelled(a.id, a.slotId, a.stationId, a.regionCode, a.deputyId,
                        StationEvents.CANCELLED_BY_CITIZEN, slot.startsAt.toInstant(), null, null));
        return new BookingReceipt(a.id, null, a.stationId, slot.id, a.deputyId, slot.startsAt, slot.minutes,
                AppointmentStatus.CANCELLED);
    }

    /**
     * The deputy, or staff of the station's region for them, withdraws a slot that has not begun: it takes no booking
     * after, and each open booking in it is cancelled with an event that carries its citizen's phone sealed for
     * notification-service, which tells them by SMS (and drops their reminder).
     */
    @Transactional
    public SlotWithdrawal withdraw(UUID stationId, UUID slotId, WithdrawRequest request, Caller caller) {
        AppointmentSlotEntity slot = slots.findByIdOptional(slotId, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> s.stationId.equals(stationId))
                .orElseThrow(() -> ProblemException.notFound("slot", slotId));
        StationEntity station = stations.require(stationId);
        requireActsFor(caller, station, slot.deputyId);
        if (slot.withdrawnAt != null) {
            throw ProblemException.conflict("slot-withdrawn", "the slot was withdrawn at " + slot.withdrawnAt);
        }
        if (!slot.startsAt.isAfter(OffsetDateTime.now(clock))) {
            throw ProblemException.conflict("slot-passed", "the slot has begun or passed: record the meeting or a no-show instead");
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        slot.withdrawnAt = OffsetDateTime.now(clock);
        slot.withdrawnBy = caller.subject();
        slot.withdrawReason = reason;
        List<AppointmentEntity> open = appointments.list("slotId = ?1 and status = 'BOOKED'", Sort.ascending("bookedAt"), slot.id);
        for (AppointmentEntity a : open) {
            close(a, AppointmentStatus.Command.CANCEL, caller.subject());
            a.cancelReason = StationEvents.CANCELLED_SLOT_WITHDRAWN;
            outbox.add(StationEvents.APPOINTMENT_CANCELLED, a.stationId.toString(), RegionCode.of(a.regionCode),
                    new StationEvents.AppointmentCancelled(a.id, a.slotId, a.stationId, a.regionCode, a.deputyId,
                            StationEvents.CANCELLED_SLOT_WITHDRAWN, slot.startsAt.toInstant(), station.name,
                            sealedFor(cipher.open(a.citizenPhoneSealed, "citizen_phone"))));
        }
        outbox.add(StationEvents.SLOT_WITHDRAWN, station.id.toString(), RegionCode.of(slot.regionCode),
                new StationEvents.SlotWithdrawn(slot.id, station.id, slot.regionCode, slot.deputyId, slot.startsAt.toInstant(),
                        reason, open.size()));
        return new SlotWithdrawal(slot.id, slot.withdrawnAt, open.size());
    }

    /** {@code {"phone"}} sealed under the notify key: only notification-service opens it. */
    private StationEvents.SealedCitizen sealedFor(String phone) {
        try {
            return new StationEvents.SealedCitizen(notifySealer.seal(mapper.writeValueAsString(Map.of("phone", phone))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The meeting held, on or after the slot's day: a station entry for the deputy (进站, one visitor) and, when a request
     * remains, the citizen whole in the answer so the station takes it in as a case of channel APPOINTMENT.
     */
    @Transactional
    public MeetingView meet(UUID appointmentId, MeetingRequest request, Caller caller) {
        AppointmentEntity a = requireForWrite(appointmentId, caller);
        AppointmentSlotEntity slot = slots.findById(a.slotId);
        LocalDate day = dayOf(slot);
        if (day.isAfter(LocalDate.now(clock))) {
            throw ProblemException.unprocessable("meeting-in-future", "appointmentId",
                    "the appointment is on " + day + ": a meeting is recorded once its day has come");
        }
        boolean remains = request.request() != null && !request.request().isBlank();
        close(a, AppointmentStatus.Command.MEET, caller.subject());
        a.request = remains ? request.request().strip() : null;
        a.note = request.note();
        ReceptionEntity reception = receptions.hold(stations.require(a.stationId), day, List.of(a.deputyId), 1, remains ? 1 : 0,
                "代表有约: " + a.topic, caller);
        a.receptionId = reception.id;
        outbox.add(StationEvents.APPOINTMENT_MET, a.stationId.toString(), RegionCode.of(a.regionCode),
                new StationEvents.AppointmentMet(a.id, a.stationId, a.regionCode, a.deputyId, day, reception.id, remains));
        return new MeetingView(view(a, slot, true), ReceptionService.view(reception), remains);
    }

    /** One side did not come; recorded once the slot has begun. */
    @Transactional
    public AppointmentView noShow(UUID appointmentId, NoShowRequest request, Caller caller) {
        AppointmentEntity a = requireForWrite(appointmentId, caller);
        AppointmentSlotEntity slot = slots.findById(a.slotId);
        if (slot.startsAt.isAfter(OffsetDateTime.now(clock))) {
            throw ProblemException.unprocessable("meeting-in-future", "appointmentId",
                    "the appointment begins at " + slot.startsAt + ": nobody has missed it yet");
        }
        close(a, AppointmentStatus.Command.valueOf(request.status().name()), caller.subject());
        a.note = request.note();
        outbox.add(StationEvents.APPOINTMENT_MISSED, a.stationId.toString(), RegionCode.of(a.regionCode),
                new StationEvents.AppointmentMissed(a.id, a.stationId, a.regionCode, a.deputyId, dayOf(slot), a.status));
        return view(a, slot, false);
    }

    /**
     * Appointments, latest slot first: a station's for staff of its region (and, for a DEPUTY, only their own there), or
     * without a station a deputy's own. The citizen is masked.
     */
    @Transactional
    public Page<AppointmentView> list(UUID stationId, AppointmentStatus status, int page, int size, Caller caller) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        UUID own = caller.hasRole(Roles.DEPUTY) ? caller.deputyId().map(UUID::fromString).orElse(null) : null;
        boolean staff = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.STATION_STAFF);
        if (stationId != null) {
            StationEntity station = stations.require(stationId);
            if (staff) {
                caller.requireWithin(RegionCode.of(station.regionCode));
            } else if (own == null) {
                throw ProblemException.forbidden("only the station's staff and its deputies see its appointments");
            }
            where.append(" and a.stationId = :station");
            params.and("station", station.id);
        } else if (own == null) {
            throw ProblemException.invalid("stationId", "name the station (a deputy without one sees their own)");
        }
        if (!staff || stationId == null) {
            where.append(" and a.deputyId = :deputy");
            params.and("deputy", own);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.and("status", status.name());
        }
        var query = appointments.find("select a from AppointmentEntity a, AppointmentSlotEntity s where s.id = a.slotId and "
                + where + " order by s.startsAt desc, a.bookedAt desc", params).page(io.quarkus.panache.common.Page.of(page, size));
        List<AppointmentEntity> rows = query.list();
        Map<UUID, AppointmentSlotEntity> bySlot = rows.isEmpty() ? Map.of()
                : slots.list("id in ?1", rows.stream().map(a -> a.slotId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new Page<>(rows.stream().map(a -> view(a, bySlot.get(a.slotId), false)).toList(), query.count(), page, size);
    }

    private AppointmentEntity requireForWrite(UUID id, Caller caller) {
        AppointmentEntity a = appointments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("appointment", id));
        requireActsFor(caller, stations.require(a.stationId), a.deputyId);
        return a;
    }

    /** Staff act within the station's region; a deputy only for themself. */
    private static void requireActsFor(Caller caller, StationEntity station, UUID deputyId) {
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.STATION_STAFF)) {
            caller.requireWithin(RegionCode.of(station.regionCode));
            return;
        }
        if (caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(deputyId.toString()::equals).orElse(false)) {
            return;
        }
        throw ProblemException.forbidden("a deputy acts only for their own appointments");
    }

    private void close(AppointmentEntity a, AppointmentStatus.Command command, String by) {
        AppointmentStatus next;
        try {
            next = AppointmentStatus.valueOf(a.status).apply(command);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("appointment-closed", e.getMessage());
        }
        a.status = next.name();
        a.closedAt = OffsetDateTime.now(clock);
        a.closedBy = by;
    }

    private Map<UUID, Long> taken(List<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select a.slotId, count(a) from AppointmentEntity a where a.slotId in :ids "
                + "and a.status <> 'CANCELLED' group by a.slotId", Object[].class).setParameter("ids", slotIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }

    private AppointmentSlotEntity slot(StationEntity station, UUID deputy, OffsetDateTime at, int minutes, int capacity,
                                       Caller caller) {
        AppointmentSlotEntity slot = new AppointmentSlotEntity();
        slot.id = UUID.randomUUID();
        slot.stationId = station.id;
        slot.regionCode = station.regionCode;
        slot.deputyId = deputy;
        slot.startsAt = at.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
        slot.minutes = minutes;
        slot.capacity = capacity;
        slot.openedBy = caller.subject();
        slot.openedAt = OffsetDateTime.now(clock);
        return slot;
    }

    private static DeputiesOnDuty.Place place(StationEntity station) {
        return new DeputiesOnDuty.Place(station.id, RegionCode.of(station.regionCode));
    }

    private static LocalDate dayOf(AppointmentSlotEntity slot) {
        return slot.startsAt.atZoneSameInstant(Zones.CHINA).toLocalDate();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static SlotView view(AppointmentSlotEntity s, int taken) {
        return new SlotView(s.id, s.stationId, s.deputyId, s.startsAt.atZoneSameInstant(Zones.CHINA).toOffsetDateTime(),
                s.minutes, s.capacity, Math.max(0, s.capacity - taken));
    }

    private AppointmentView view(AppointmentEntity a, AppointmentSlotEntity slot, boolean whole) {
        String name = cipher.open(a.citizenNameSealed, "citizen_name");
        String phone = cipher.open(a.citizenPhoneSealed, "citizen_phone");
        AppointmentStatus status = AppointmentStatus.valueOf(a.status);
        return new AppointmentView(a.id, a.slotId, a.stationId, a.regionCode, a.deputyId,
                slot.startsAt.atZoneSameInstant(Zones.CHINA).toOffsetDateTime(), slot.minutes, status, status.label(), a.topic,
                whole ? name : Masking.name(name), whole ? phone : Masking.phone(phone), a.bookedAt, a.closedAt, a.receptionId,
                a.request, a.note);
    }
}
