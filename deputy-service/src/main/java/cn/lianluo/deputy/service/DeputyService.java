package cn.lianluo.deputy.service;

import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.data.ChangeFeed;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.common.time.Zones;
import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.domain.Ethnicities;
import cn.lianluo.deputy.domain.Gender;
import cn.lianluo.deputy.domain.Mandate;
import cn.lianluo.deputy.domain.MandateStatus;
import cn.lianluo.deputy.persistence.AssignmentEntity;
import cn.lianluo.deputy.persistence.DeputyEntity;
import cn.lianluo.deputy.persistence.MandateEntity;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.service.DeputyDtos.AssignmentView;
import cn.lianluo.deputy.service.DeputyDtos.ContactUpdate;
import cn.lianluo.deputy.service.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.service.DeputyDtos.DeputySummary;
import cn.lianluo.deputy.service.DeputyDtos.DeputyView;
import cn.lianluo.deputy.service.DeputyDtos.EndMandate;
import cn.lianluo.deputy.service.DeputyDtos.MandateInput;
import cn.lianluo.deputy.service.DeputyDtos.MandateView;
import cn.lianluo.deputy.service.DeputyDtos.ProfileUpdate;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The roll of deputies: registering, changing, mandates, and reading it in scope. */
@ApplicationScoped
public class DeputyService {


    private final Repositories.Deputies deputies;
    private final Repositories.Mandates mandates;
    private final Repositories.Assignments assignments;
    private final Repositories.Stations stations;
    private final Outbox outbox;
    private final Clock clock = Clock.system(Zones.CHINA);

    public DeputyService(Repositories.Deputies deputies, Repositories.Mandates mandates,
                         Repositories.Assignments assignments, Repositories.Stations stations, Outbox outbox) {
        this.deputies = deputies;
        this.mandates = mandates;
        this.assignments = assignments;
        this.stations = stations;
        this.outbox = outbox;
    }

    /** What registering created. */
    public record Registered(DeputyEntity deputy, boolean created, int mandatesAdded) {
    }

    /**
     * Registers a deputy, or with {@code mergeMandates} adds the request's new mandates to the same person
     * already registered in the region (an import row for a second mandate). Field names in problems are
     * prefixed with {@code fieldPrefix}. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered register(DeputyRequest request, String seedKey, String author, String fieldPrefix,
                               boolean mergeMandates) {
        RegionCode region = region(fieldPrefix + "regionCode", request.regionCode());
        String ethnicity = ethnicity(fieldPrefix + "ethnicity", request.ethnicity());
        List<Mandate> requested = mandates(fieldPrefix, request.mandates());
        String name = request.name().strip();
        Optional<DeputyEntity> existing = deputies.find("regionCode = ?1 and name = ?2 and birthYear = ?3",
                region.value(), name, request.birthYear()).firstResultOptional();
        if (existing.isPresent()) {
            DeputyEntity deputy = existing.get();
            List<Mandate> held = mandates.of(deputy.id).stream().map(DeputyService::mandate).toList();
            List<Mandate> fresh = requested.stream().filter(m -> held.stream().noneMatch(m::sameSeat)).toList();
            if (!mergeMandates || fresh.isEmpty()) {
                throw new ProblemException(409, "duplicate-deputy", "Duplicate 重复登记",
                        name + " (born " + request.birthYear() + ") is already registered in " + region + " as deputy "
                                + deputy.id + (fresh.isEmpty() ? " for the same term" : "; add the new mandate to that record"),
                        List.of(new FieldError(fieldPrefix + "name", "already registered as " + deputy.id)));
            }
            fresh.forEach(m -> addMandate(deputy, m, author));
            return new Registered(deputy, false, fresh.size());
        }
        DeputyEntity deputy = new DeputyEntity();
        deputy.id = seedKey == null ? UUID.randomUUID() : cn.lianluo.common.events.SeedIds.of("deputy", seedKey);
        deputy.seedKey = seedKey;
        deputy.name = name;
        deputy.gender = request.gender().name();
        deputy.ethnicity = ethnicity;
        deputy.birthYear = request.birthYear();
        deputy.party = trim(request.party());
        deputy.occupationSector = trim(request.occupationSector());
        deputy.electoralUnit = trim(request.electoralUnit());
        deputy.regionCode = region.value();
        deputy.phone = trim(request.phone());
        deputy.createdAt = OffsetDateTime.now(clock);
        deputy.createdBy = author;
        deputy.updatedAt = deputy.createdAt;
        deputy.updatedBy = author;
        deputies.persist(deputy);
        List<MandateEntity> rows = requested.stream().map(m -> mandateRow(deputy.id, m)).toList();
        mandates.persist(rows);
        outbox.add(DeputyEvents.REGISTERED, deputy.id.toString(), region, eventData(deputy, rows));
        return new Registered(deputy, true, rows.size());
    }

    @Transactional
    public DeputyView updateProfile(UUID id, ProfileUpdate update, Caller caller) {
        DeputyEntity deputy = require(id);
        requireScope(caller, deputy);
        deputy.name = update.name().strip();
        deputy.gender = update.gender().name();
        deputy.ethnicity = ethnicity("ethnicity", update.ethnicity());
        deputy.birthYear = update.birthYear();
        deputy.party = trim(update.party());
        deputy.occupationSector = trim(update.occupationSector());
        deputy.electoralUnit = trim(update.electoralUnit());
        deputy.phone = trim(update.phone());
        return changed(deputy, caller.subject());
    }

    /** A deputy changes their own contact details; staff in scope may too. */
    @Transactional
    public DeputyView updateContact(UUID id, ContactUpdate update, Caller caller) {
        DeputyEntity deputy = require(id);
        requireSelfOrStaff(caller, deputy);
        deputy.phone = update.phone().strip();
        return changed(deputy, caller.subject());
    }

    @Transactional
    public DeputyView addMandate(UUID id, MandateInput input, Caller caller) {
        DeputyEntity deputy = require(id);
        requireScope(caller, deputy);
        Mandate mandate = mandates("", List.of(input)).get(0);
        if (mandates.of(id).stream().map(DeputyService::mandate).anyMatch(mandate::sameSeat)) {
            throw ProblemException.conflict("duplicate-mandate", "the deputy already holds a " + mandate.level()
                    + " mandate of term " + mandate.term());
        }
        addMandate(deputy, mandate, caller.subject());
        return view(deputy, true);
    }

    /** Ends a mandate (届满, 辞职, 罢免); when it was the last active one, the deputy's stations end with it. */
    @Transactional
    public DeputyView endMandate(UUID id, UUID mandateId, EndMandate end, Caller caller) {
        DeputyEntity deputy = require(id);
        requireScope(caller, deputy);
        MandateEntity row = mandates.findById(mandateId);
        if (row == null || !row.deputyId.equals(id)) {
            throw ProblemException.notFound("mandate", mandateId);
        }
        if (end.status() == MandateStatus.ACTIVE) {
            throw ProblemException.invalid("status", "a mandate ends as TERM_ENDED, RESIGNED or REMOVED");
        }
        if (!MandateStatus.ACTIVE.name().equals(row.status)) {
            throw ProblemException.conflict("mandate-ended", "this mandate already ended (" + row.status + ")");
        }
        if (end.date().isBefore(row.termStart)) {
            throw ProblemException.invalid("date", "a mandate cannot end before it starts (" + row.termStart + ")");
        }
        row.status = end.status().name();
        row.endedOn = end.date();
        row.endReason = trim(end.reason());
        boolean stillActive = mandates.of(id).stream().anyMatch(m -> MandateStatus.ACTIVE.name().equals(m.status));
        outbox.add(DeputyEvents.MANDATE_ENDED, id.toString(), RegionCode.of(deputy.regionCode),
                new DeputyEvents.MandateChanged(id, deputy.regionCode, mandateData(row), stillActive, row.endReason));
        if (!stillActive) {
            for (AssignmentEntity a : assignments.list("deputyId = ?1 and untilDate is null", id)) {
                a.untilDate = end.date();
                outbox.add(DeputyEvents.UNASSIGNED, id.toString(), RegionCode.of(deputy.regionCode),
                        new DeputyEvents.Unassigned(id, a.stationId, a.home, a.untilDate));
            }
        }
        return view(deputy, true);
    }

    @Transactional
    public DeputyView get(UUID id, Caller caller) {
        DeputyEntity deputy = require(id);
        requireSelfOrReader(caller, deputy);
        return view(deputy, true);
    }

    /** The roll of a region, phones masked. */
    @Transactional
    public Page<DeputySummary> list(RegionCode region, DeputyLevel level, Boolean active, String text, int page, int size) {
        StringBuilder where = new StringBuilder("regionCode like :region");
        Parameters params = Parameters.with("region", region.likePattern());
        if (level != null) {
            where.append(" and exists (select 1 from MandateEntity m where m.deputyId = d.id and m.level = :level and m.status = 'ACTIVE')");
            params.and("level", level.name());
        }
        if (active != null) {
            where.append(active ? " and" : " and not").append(" exists (select 1 from MandateEntity m where m.deputyId = d.id and m.status = 'ACTIVE')");
        }
        if (text != null && !text.isBlank()) {
            where.append(" and name like :text escape '\\'");
            params.and("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = deputies.find("from DeputyEntity d where " + where + " order by regionCode, name", params)
                .page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(summaries(query.list()), query.count(), page, size);
    }

    /**
     * The deputies of a region written after the cursor, in the order of the transaction that last wrote each (a
     * change to their mandates or home station is written on their row too; V4), as {@link #list} shows them.
     */
    @Transactional
    public CursorPage<DeputySummary> changes(RegionCode region, Cursor after, int size) {
        List<Cursor> keys = ChangeFeed.keys(deputies.getEntityManager(), "deputy", region, "", Map.of(), after, size);
        return ChangeFeed.page(keys, after, ids -> {
            Map<UUID, DeputyEntity> byId = deputies.list("id in ?1", ids).stream().collect(Collectors.toMap(d -> d.id, d -> d));
            return summaries(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
        });
    }

    /** Deputies as the lists show them: the phone masked, their active levels and home station. */
    private List<DeputySummary> summaries(List<DeputyEntity> rows) {
        List<UUID> ids = rows.stream().map(d -> d.id).toList();
        Map<UUID, List<MandateEntity>> held = ids.isEmpty() ? Map.of()
                : mandates.list("deputyId in ?1", ids).stream().collect(Collectors.groupingBy(m -> m.deputyId));
        Map<UUID, UUID> homes = ids.isEmpty() ? Map.of()
                : assignments.list("deputyId in ?1 and home = true and untilDate is null", ids).stream()
                .collect(Collectors.toMap(a -> a.deputyId, a -> a.stationId));
        return rows.stream().map(d -> {
            List<MandateEntity> ms = held.getOrDefault(d.id, List.of());
            List<DeputyLevel> levels = ms.stream().filter(m -> MandateStatus.ACTIVE.name().equals(m.status))
                    .map(m -> DeputyLevel.valueOf(m.level)).distinct().toList();
            return new DeputySummary(d.id, d.name, Gender.valueOf(d.gender), d.ethnicity, d.regionCode,
                    Masking.phone(d.phone), !levels.isEmpty(), levels, homes.get(d.id));
        }).toList();
    }

    DeputyEntity require(UUID id) {
        DeputyEntity deputy = deputies.findById(id);
        if (deputy == null) {
            throw ProblemException.notFound("deputy", id);
        }
        return deputy;
    }

    void requireScope(Caller caller, DeputyEntity deputy) {
        caller.requireWithin(RegionCode.of(deputy.regionCode));
    }

    /** Staff and supervisors in scope read any deputy; a deputy reads their own record. */
    void requireSelfOrReader(Caller caller, DeputyEntity deputy) {
        if (caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(deputy.id.toString()::equals).orElse(false)) {
            return;
        }
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.STATION_STAFF)) {
            requireScope(caller, deputy);
            return;
        }
        throw ProblemException.forbidden("a deputy reads only their own record");
    }

    private void requireSelfOrStaff(Caller caller, DeputyEntity deputy) {
        if (caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(deputy.id.toString()::equals).orElse(false)) {
            return;
        }
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR)) {
            requireScope(caller, deputy);
            return;
        }
        throw ProblemException.forbidden("a deputy changes only their own contact details");
    }

    /**
     * {@code POST /deputies/republish?region=}: every deputy of the region sent again as {@code updated}, with their open
     * station assignments as {@code assigned}, so a consumer that started after the topic's retention (station-service's
     * deputy copy on an older installation) learns the deputies of before. Consumers apply them as they applied the
     * originals; a copy already up to date does not change.
     */
    @Transactional
    public DeputyDtos.Republished republish(RegionCode region, Caller caller) {
        caller.requireWithin(region);
        int deputiesSent = 0;
        int assignmentsSent = 0;
        for (DeputyEntity deputy : deputies.list("regionCode like ?1", region.likePattern())) {
            RegionCode home = RegionCode.of(deputy.regionCode);
            outbox.add(DeputyEvents.UPDATED, deputy.id.toString(), home, eventData(deputy, mandates.of(deputy.id)));
            deputiesSent++;
            for (AssignmentEntity a : assignments.list("deputyId = ?1 and untilDate is null", deputy.id)) {
                var station = stations.findById(a.stationId);
                outbox.add(DeputyEvents.ASSIGNED, deputy.id.toString(), home, new DeputyEvents.Assigned(deputy.id,
                        a.stationId, station == null ? null : station.regionCode, a.home, a.fromDate));
                assignmentsSent++;
            }
        }
        return new DeputyDtos.Republished(region.value(), deputiesSent, assignmentsSent);
    }

    private DeputyView changed(DeputyEntity deputy, String author) {
        deputy.updatedAt = OffsetDateTime.now(clock);
        deputy.updatedBy = author;
        deputies.flush();
        outbox.add(DeputyEvents.UPDATED, deputy.id.toString(), RegionCode.of(deputy.regionCode),
                eventData(deputy, mandates.of(deputy.id)));
        return view(deputy, true);
    }

    private void addMandate(DeputyEntity deputy, Mandate mandate, String author) {
        MandateEntity row = mandateRow(deputy.id, mandate);
        mandates.persist(row);
        deputy.updatedAt = OffsetDateTime.now(clock);
        deputy.updatedBy = author;
        outbox.add(DeputyEvents.MANDATE_ADDED, deputy.id.toString(), RegionCode.of(deputy.regionCode),
                new DeputyEvents.MandateChanged(deputy.id, deputy.regionCode, mandateData(row), true, null));
    }

    static RegionCode region(String field, String raw) {
        return RegionCodes.field(field, raw);
    }

    static String ethnicity(String field, String raw) {
        try {
            return Ethnicities.normalise(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    static List<Mandate> mandates(String fieldPrefix, List<MandateInput> inputs) {
        List<Mandate> result = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MandateInput in = inputs.get(i);
            Mandate m = new Mandate(in.level(), in.term(), in.termStart(), in.termEnd(), MandateStatus.ACTIVE);
            String field = fieldPrefix + "mandates[" + i + "].";
            m.problems().forEach(p -> errors.add(new FieldError(field + p[0], p[1])));
            if (result.stream().anyMatch(m::sameSeat)) {
                errors.add(new FieldError(field + "level", "the same level and term twice"));
            }
            result.add(m);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request 请求参数有误",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return result;
    }

    private static MandateEntity mandateRow(UUID deputyId, Mandate m) {
        MandateEntity row = new MandateEntity();
        row.id = UUID.randomUUID();
        row.deputyId = deputyId;
        row.level = m.level().name();
        row.term = m.term();
        row.termStart = m.termStart();
        row.termEnd = m.termEnd();
        row.status = m.status().name();
        return row;
    }

    static Mandate mandate(MandateEntity row) {
        return new Mandate(DeputyLevel.valueOf(row.level), row.term, row.termStart, row.termEnd,
                MandateStatus.valueOf(row.status));
    }

    private static DeputyEvents.MandateData mandateData(MandateEntity m) {
        return new DeputyEvents.MandateData(m.level, m.term, m.termStart, m.termEnd, m.status);
    }

    private static DeputyEvents.DeputyData eventData(DeputyEntity d, List<MandateEntity> ms) {
        return new DeputyEvents.DeputyData(d.id, d.name, d.gender, d.ethnicity, d.regionCode, Masking.phone(d.phone),
                ms.stream().anyMatch(m -> MandateStatus.ACTIVE.name().equals(m.status)),
                ms.stream().map(DeputyService::mandateData).toList());
    }

    static MandateView mandateView(MandateEntity m) {
        DeputyLevel level = DeputyLevel.valueOf(m.level);
        MandateStatus status = MandateStatus.valueOf(m.status);
        return new MandateView(m.id, level, level.label(), m.term, m.termStart, m.termEnd, status, status.label(),
                m.endedOn, m.endReason);
    }

    AssignmentView assignmentView(AssignmentEntity a) {
        var station = stations.findById(a.stationId);
        return new AssignmentView(a.id, a.stationId, station == null ? null : station.name,
                station == null ? null : station.regionCode, a.home, a.fromDate, a.untilDate);
    }

    /** The detail view; {@code wholePhone} only for those who handle the record. */
    DeputyView view(DeputyEntity d, boolean wholePhone) {
        List<MandateEntity> ms = mandates.of(d.id);
        List<AssignmentEntity> current = assignments.list("deputyId = ?1 and untilDate is null order by home desc, fromDate", d.id);
        Gender gender = Gender.valueOf(d.gender);
        return new DeputyView(d.id, d.name, gender, gender.label(), d.ethnicity, d.birthYear, d.party,
                d.occupationSector, d.electoralUnit, d.regionCode, wholePhone ? d.phone : Masking.phone(d.phone),
                ms.stream().anyMatch(m -> MandateStatus.ACTIVE.name().equals(m.status)),
                ms.stream().map(DeputyService::mandateView).toList(),
                current.stream().filter(a -> a.home).map(a -> a.stationId).findFirst().orElse(null),
                current.stream().map(this::assignmentView).toList(), d.version, d.createdAt, d.updatedAt);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
