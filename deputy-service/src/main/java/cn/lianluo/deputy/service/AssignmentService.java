package cn.lianluo.deputy.service;

import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.domain.Gender;
import cn.lianluo.deputy.domain.MandateStatus;
import cn.lianluo.deputy.domain.StationAssignments;
import cn.lianluo.deputy.domain.StationAssignments.Assignment;
import cn.lianluo.deputy.persistence.AssignmentEntity;
import cn.lianluo.deputy.persistence.DeputyEntity;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.persistence.StationCopyEntity;
import cn.lianluo.deputy.service.DeputyDtos.Coverage;
import cn.lianluo.deputy.service.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.service.DeputyDtos.DeputyView;
import cn.lianluo.deputy.service.DeputyDtos.LevelName;
import cn.lianluo.deputy.service.DeputyDtos.RosterDeputy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** 全员入站: putting deputies into stations, and how many of a region's deputies are in one. */
@ApplicationScoped
public class AssignmentService {

    private final DeputyService deputies;
    private final Repositories.Deputies deputyRows;
    private final Repositories.Assignments assignments;
    private final Repositories.Mandates mandates;
    private final Repositories.Stations stations;
    private final Outbox outbox;
    private final EntityManager em;

    public AssignmentService(DeputyService deputies, Repositories.Deputies deputyRows,
                             Repositories.Assignments assignments, Repositories.Mandates mandates,
                             Repositories.Stations stations, Outbox outbox, EntityManager em) {
        this.deputies = deputies;
        this.deputyRows = deputyRows;
        this.assignments = assignments;
        this.mandates = mandates;
        this.stations = stations;
        this.outbox = outbox;
        this.em = em;
    }

    /** Registers a deputy and, when the request names one, puts them in their home station: one transaction. */
    @Transactional
    public DeputyView register(DeputyRequest request, Caller caller) {
        caller.requireWithin(DeputyService.region("regionCode", request.regionCode()));
        DeputyEntity deputy = deputies.register(request, null, caller.subject(), "", false).deputy();
        if (request.homeStationId() != null) {
            StationCopyEntity station = stations.findById(request.homeStationId());
            if (station == null) {
                throw ProblemException.unprocessable("unknown-station", "homeStationId",
                        "station " + request.homeStationId() + " is not known (yet) to deputy-service");
            }
            caller.requireWithin(RegionCode.of(station.regionCode));
            apply(deputy, history(deputy.id).makeHome(station.stationId, deputies.today()), caller.subject());
        }
        return deputies.view(deputy, true);
    }

    /** {@code PUT /deputies/{id}/station}: the deputy's home station from today. */
    @Transactional
    public DeputyView makeHome(UUID deputyId, UUID stationId, Caller caller) {
        return assign(deputyId, stationId, caller, true);
    }

    @Transactional
    public DeputyView sitAlsoIn(UUID deputyId, UUID stationId, Caller caller) {
        return assign(deputyId, stationId, caller, false);
    }

    /** A deputy in scope into a known station in scope: as home, or as a further station. */
    private DeputyView assign(UUID deputyId, UUID stationId, Caller caller, boolean home) {
        DeputyEntity deputy = deputies.require(deputyId);
        deputies.requireScope(caller, deputy);
        StationCopyEntity station = knownStation(stationId);
        caller.requireWithin(RegionCode.of(station.regionCode));
        StationAssignments history = history(deputyId);
        apply(deputy, home ? history.makeHome(stationId, deputies.today()) : history.sitAlsoIn(stationId, deputies.today()),
                caller.subject());
        return deputies.view(deputy, true);
    }

    @Transactional
    public DeputyView leave(UUID deputyId, UUID stationId, Caller caller) {
        DeputyEntity deputy = deputies.require(deputyId);
        deputies.requireScope(caller, deputy);
        StationAssignments.Change change;
        try {
            change = history(deputyId).leave(stationId);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("not-assigned", e.getMessage());
        }
        apply(deputy, change, caller.subject());
        return deputies.view(deputy, true);
    }

    /**
     * The seed loader's and the import's path: a home station named by id, trusted (seeded stations may not
     * have arrived from station.events yet). Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean makeHomeTrusted(DeputyEntity deputy, UUID stationId, String author) {
        StationAssignments.Change change = history(deputy.id).makeHome(stationId, deputies.today());
        apply(deputy, change, author);
        return change.opened().isPresent();
    }

    /** Active deputies of a region (an ACTIVE mandate) and how many of them have a home station. */
    @Transactional
    public Coverage coverage(RegionCode region) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE home) FROM deputy_tally
                        WHERE region_code LIKE ?1 AND cardinality(levels) > 0""")
                .setParameter(1, region.likePattern()).getSingleResult();
        long active = ((Number) row[0]).longValue();
        long assigned = ((Number) row[1]).longValue();
        return new Coverage(region.value(), active, assigned,
                active == 0 ? 0.0 : Math.round(assigned * 10000.0 / active) / 10000.0);
    }

    /**
     * A station's public roster: the deputies assigned to it today who hold an active mandate, the highest level first,
     * then by name. A station deputy-service does not know (yet: its copy comes from station.events) looks like a
     * station nobody sits in, an empty roster, not a 404: the roster must not depend on the copy being complete.
     */
    @Transactional
    public List<RosterDeputy> roster(UUID stationId) {
        Map<UUID, Boolean> home = new HashMap<>();
        assignments.list("stationId = ?1 and untilDate is null", stationId)
                .forEach(a -> home.merge(a.deputyId, a.home, Boolean::logicalOr));
        if (home.isEmpty()) {
            return List.of();
        }
        Map<UUID, SortedSet<DeputyLevel>> levels = new HashMap<>();
        mandates.list("deputyId in ?1 and status = ?2", home.keySet(), MandateStatus.ACTIVE.name())
                .forEach(m -> levels.computeIfAbsent(m.deputyId, id -> new TreeSet<>()).add(DeputyLevel.valueOf(m.level)));
        if (levels.isEmpty()) {
            return List.of();
        }
        Collator chinese = Collator.getInstance(Locale.CHINA);
        return deputyRows.list("id in ?1", levels.keySet()).stream()
                .map(d -> {
                    Gender gender = Gender.valueOf(d.gender);
                    return new RosterDeputy(d.id, d.name, gender, gender.label(), levels.get(d.id).stream()
                            .map(l -> new LevelName(l, l.label())).toList(), home.get(d.id));
                })
                .sorted(Comparator.comparing((RosterDeputy r) -> r.levels().get(0).level())
                        .thenComparing(RosterDeputy::name, chinese)
                        .thenComparing(RosterDeputy::id))
                .toList();
    }

    StationCopyEntity knownStation(UUID stationId) {
        StationCopyEntity station = stations.findById(stationId);
        if (station == null) {
            throw ProblemException.unprocessable("unknown-station", "stationId",
                    "station " + stationId + " is not known (yet) to deputy-service");
        }
        return station;
    }

    private StationAssignments history(UUID deputyId) {
        return new StationAssignments(assignments.of(deputyId).stream()
                .map(a -> new Assignment(a.id, a.stationId, a.home, a.fromDate, a.untilDate)).toList());
    }

    private void apply(DeputyEntity deputy, StationAssignments.Change change, String author) {
        if (change.opened().isPresent() && mandates.count("deputyId = ?1 and status = ?2", deputy.id,
                MandateStatus.ACTIVE.name()) == 0) {
            throw ProblemException.conflict("deputy-not-active", "deputy " + deputy.id + " holds no active mandate");
        }
        RegionCode region = RegionCode.of(deputy.regionCode);
        for (UUID ended : change.ended()) {
            AssignmentEntity a = assignments.findById(ended);
            a.untilDate = deputies.today();
            outbox.add(DeputyEvents.UNASSIGNED, deputy.id.toString(), region,
                    new DeputyEvents.Unassigned(deputy.id, a.stationId, a.home, a.untilDate));
        }
        // the one-home index must see the old home ended before the new one is inserted
        assignments.flush();
        Optional<Assignment> opened = change.opened();
        if (opened.isPresent()) {
            Assignment o = opened.get();
            AssignmentEntity a = new AssignmentEntity();
            a.id = o.id();
            a.deputyId = deputy.id;
            a.stationId = o.stationId();
            a.home = o.home();
            a.fromDate = o.from();
            a.assignedBy = author;
            assignments.persist(a);
            StationCopyEntity station = stations.findById(o.stationId());
            outbox.add(DeputyEvents.ASSIGNED, deputy.id.toString(), region,
                    new DeputyEvents.Assigned(deputy.id, o.stationId(), station == null ? null : station.regionCode,
                            o.home(), o.from()));
        }
    }
}
