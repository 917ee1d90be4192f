package cn.lianluo.station.service;

import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.domain.ActivityKind;
import cn.lianluo.station.domain.DeputiesOnDuty;
import cn.lianluo.station.domain.FiveIntoTarget;
import cn.lianluo.station.persistence.ActivityEntity;
import cn.lianluo.station.persistence.ActivityRepository;
import cn.lianluo.station.persistence.DeputyCopyEntity;
import cn.lianluo.station.persistence.DeputyCopyRepository;
import cn.lianluo.station.persistence.ReceptionEntity;
import cn.lianluo.station.persistence.ReceptionRepository;
import cn.lianluo.station.persistence.RegionEntity;
import cn.lianluo.station.persistence.StationEntity;
import cn.lianluo.station.service.StationDtos.ActivityRequest;
import cn.lianluo.station.service.StationDtos.ActivityView;
import cn.lianluo.station.service.StationDtos.ReceptionRequest;
import cn.lianluo.station.service.StationDtos.ReceptionView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Receptions held at a station (进站接待) and deputies' activities (代表活动): the facts deputies' points come from. */
@ApplicationScoped
public class ReceptionService {

    private final StationService stations;
    private final ReceptionRepository receptions;
    private final ActivityRepository activities;
    private final Regions regions;
    private final DeputyCopyRepository deputies;
    private final Outbox outbox;
    private final Clock clock = Clock.system(Zones.CHINA);

    public ReceptionService(StationService stations, ReceptionRepository receptions, ActivityRepository activities,
                            Regions regions, DeputyCopyRepository deputies, Outbox outbox) {
        this.stations = stations;
        this.receptions = receptions;
        this.activities = activities;
        this.regions = regions;
        this.deputies = deputies;
        this.outbox = outbox;
    }

    @Transactional
    public ReceptionView recordReception(UUID stationId, ReceptionRequest request, Caller caller) {
        StationEntity station = stations.require(stationId);
        caller.requireWithin(RegionCode.of(station.regionCode));
        notInFuture("date", request.date());
        requireOnDuty("deputyIds", request.deputyIds(), new DeputiesOnDuty.Place(station.id, RegionCode.of(station.regionCode)));
        ReceptionEntity reception = hold(station, request.date(), request.deputyIds(), request.visitors(),
                request.casesReceived() == null ? 0 : request.casesReceived(), request.note(), caller);
        return view(reception);
    }

    /** Records a reception and its event (the caller's scope and the deputies already checked): each deputy's station entry. */
    ReceptionEntity hold(StationEntity station, LocalDate date, List<UUID> deputyIds, int visitors, int casesReceived,
                         String note, Caller caller) {
        ReceptionEntity reception = new ReceptionEntity();
        reception.id = UUID.randomUUID();
        reception.stationId = station.id;
        reception.regionCode = station.regionCode;
        reception.heldOn = date;
        reception.deputyIds = deputyIds.stream().distinct().map(UUID::toString).toList();
        reception.visitors = visitors;
        reception.casesReceived = casesReceived;
        reception.note = note;
        reception.recordedBy = caller.subject();
        reception.recordedAt = OffsetDateTime.now(clock);
        receptions.persist(reception);
        outbox.add(StationEvents.RECEPTION_HELD, station.id.toString(), RegionCode.of(station.regionCode),
                new StationEvents.ReceptionHeld(reception.id, station.id, station.regionCode, reception.heldOn,
                        reception.deputyIds, reception.visitors, reception.casesReceived));
        return reception;
    }

    @Transactional
    public Page<ReceptionView> receptions(UUID stationId, int page, int size, Caller caller) {
        StationEntity station = stations.require(stationId);
        // the station is public, its reception records (who was on duty, what was received) are for its region's people
        caller.requireWithin(RegionCode.of(station.regionCode));
        var query = receptions.find("stationId", Sort.descending("heldOn").and("recordedAt", Sort.Direction.Descending),
                station.id).page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(ReceptionService::view).toList(), query.count(), page, size);
    }

    @Transactional
    public ActivityView recordActivity(ActivityRequest request, Caller caller) {
        notInFuture("date", request.date());
        if (request.kind() == ActivityKind.FIVE_INTO && request.fiveIntoTarget() == null) {
            throw ProblemException.invalid("fiveIntoTarget", "a 五进 activity names where it went: "
                    + java.util.Arrays.toString(FiveIntoTarget.values()));
        }
        if (request.kind() != ActivityKind.FIVE_INTO && request.fiveIntoTarget() != null) {
            throw ProblemException.invalid("fiveIntoTarget", "only a FIVE_INTO activity has a target");
        }
        boolean report = request.kind() == ActivityKind.REPORT;
        if (report && request.reportingDeputyId() == null) {
            throw ProblemException.invalid("reportingDeputyId", "a REPORT activity (述职评议) names the deputy who reports");
        }
        if (!report && request.reportingDeputyId() != null) {
            throw ProblemException.invalid("reportingDeputyId", "only a REPORT activity has a reporting deputy");
        }
        if (!report && request.votersPresent() != null) {
            throw ProblemException.invalid("votersPresent", "only a REPORT activity counts the voters present");
        }
        String regionCode;
        if (request.stationId() != null) {
            StationEntity station = stations.require(request.stationId());
            regionCode = station.regionCode;
            if (request.regionCode() != null && !RegionCode.of(regions.known("regionCode", request.regionCode()).code)
                    .contains(RegionCode.of(station.regionCode))) {
                throw ProblemException.unprocessable("region-mismatch", "regionCode",
                        "the station lies in " + station.regionCode + ", not in " + request.regionCode());
            }
        } else if (request.regionCode() != null) {
            RegionEntity region = regions.known("regionCode", request.regionCode());
            regionCode = region.code;
        } else {
            throw ProblemException.invalid("regionCode", "name the region or the station of the activity");
        }
        caller.requireWithin(RegionCode.of(regionCode));
        List<UUID> participants = new ArrayList<>(request.participantDeputyIds());
        if (report && !participants.contains(request.reportingDeputyId())) {
            participants.add(request.reportingDeputyId()); // the reporter was there
        }
        requireOnDuty("participantDeputyIds", participants,
                new DeputiesOnDuty.Place(request.stationId(), RegionCode.of(regionCode)));
        ActivityEntity activity = new ActivityEntity();
        activity.id = UUID.randomUUID();
        activity.kind = request.kind().name();
        activity.fiveIntoTarget = request.fiveIntoTarget() == null ? null : request.fiveIntoTarget().name();
        activity.title = request.title().strip();
        activity.regionCode = regionCode;
        activity.stationId = request.stationId();
        activity.heldOn = request.date();
        activity.place = request.place();
        activity.participantDeputyIds = participants.stream().distinct().map(UUID::toString).toList();
        activity.note = request.note();
        activity.recordedBy = caller.subject();
        activity.recordedAt = OffsetDateTime.now(clock);
        if (report) {
            activity.reportingDeputyId = request.reportingDeputyId();
            activity.votersPresent = request.votersPresent();
            activity.assessmentCode = AssessmentCodes.next();
        }
        activities.persist(activity);
        outbox.add(StationEvents.ACTIVITY_HELD, activity.id.toString(), RegionCode.of(regionCode),
                new StationEvents.ActivityHeld(activity.id, activity.kind, activity.fiveIntoTarget, regionCode,
                        activity.stationId, activity.heldOn, activity.participantDeputyIds, activity.reportingDeputyId));
        return view(activity);
    }

    @Transactional
    public Page<ActivityView> activities(RegionCode region, ActivityKind kind, int page, int size) {
        String where = "regionCode like :region" + (kind == null ? "" : " and kind = :kind");
        Parameters params = Parameters.with("region", region.likePattern());
        if (kind != null) {
            params.and("kind", kind.name());
        }
        var query = activities.find(where, Sort.descending("heldOn"), params).page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(ReceptionService::view).toList(), query.count(), page, size);
    }

    /** 422 naming every deputy who may not be credited at the place (after the caller's scope, which is 403). */
    void requireOnDuty(String field, List<UUID> named, DeputiesOnDuty.Place place) {
        List<UUID> ids = named.stream().distinct().toList();
        Map<UUID, DeputiesOnDuty.Deputy> known = new HashMap<>();
        List<DeputyCopyEntity> rows = deputies.list("deputyId in ?1", ids);
        List<UUID> assignedTo = rows.stream().flatMap(d -> d.stationIds.stream()).distinct().map(UUID::fromString).toList();
        Map<UUID, RegionCode> stationRegions = new HashMap<>();
        if (!assignedTo.isEmpty()) {
            stations.regionsOf(assignedTo).forEach((id, region) -> stationRegions.put(id, RegionCode.of(region)));
        }
        for (DeputyCopyEntity d : rows) {
            Map<UUID, RegionCode> theirs = new HashMap<>();
            d.stationIds.stream().map(UUID::fromString).filter(stationRegions::containsKey)
                    .forEach(s -> theirs.put(s, stationRegions.get(s)));
            known.put(d.deputyId, new DeputiesOnDuty.Deputy(d.deputyId, RegionCode.of(d.regionCode), d.active, theirs));
        }
        List<FieldError> refused = DeputiesOnDuty.refusals(field, named, known, place);
        if (!refused.isEmpty()) {
            throw new ProblemException(422, "deputy-not-on-duty", "Unprocessable 无法处理",
                    refused.size() + " of the named deputies may not be credited here: "
                            + String.join("; ", refused.stream().map(FieldError::message).toList()), refused);
        }
    }

    private void notInFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.unprocessable("date-in-future", field, "a held reception or activity cannot lie in the future");
        }
    }

    static ReceptionView view(ReceptionEntity r) {
        return new ReceptionView(r.id, r.stationId, r.regionCode, r.heldOn, uuids(r.deputyIds), r.visitors, r.casesReceived,
                r.note, r.recordedAt);
    }

    private static ActivityView view(ActivityEntity a) {
        ActivityKind kind = ActivityKind.valueOf(a.kind);
        return new ActivityView(a.id, kind, kind.label(), a.fiveIntoTarget == null ? null : FiveIntoTarget.valueOf(a.fiveIntoTarget),
                a.title, a.regionCode, a.stationId, a.heldOn, a.place, uuids(a.participantDeputyIds), a.note, a.recordedAt,
                a.reportingDeputyId, a.votersPresent, a.assessmentCode);
    }

    private static List<UUID> uuids(List<String> stored) {
        return stored.stream().map(UUID::fromString).toList();
    }
}
