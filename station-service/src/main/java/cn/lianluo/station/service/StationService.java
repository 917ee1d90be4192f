package cn.lianluo.station.service;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.geo.ChinaExtent;
import cn.lianluo.common.geo.CoordinateSystem;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.domain.GeoPoint;
import cn.lianluo.station.domain.ReceptionSchedule;
import cn.lianluo.station.domain.StandardItem;
import cn.lianluo.station.domain.StationFeature;
import cn.lianluo.station.domain.StationType;
import cn.lianluo.station.persistence.RegionEntity;
import cn.lianluo.station.persistence.RegionRepository;
import cn.lianluo.station.persistence.StationEntity;
import cn.lianluo.station.persistence.StationEntity.RuleDocumentJson;
import cn.lianluo.station.persistence.StationEntity.ScheduleJson;
import cn.lianluo.station.persistence.StationEntity.StandardItemJson;
import cn.lianluo.station.persistence.StationRepository;
import cn.lianluo.station.service.StationDtos.Labelled;
import cn.lianluo.station.service.StationDtos.ReceptionDay;
import cn.lianluo.station.service.StationDtos.RuleDocument;
import cn.lianluo.station.service.StationDtos.StandardItemView;
import cn.lianluo.station.service.StationDtos.StandardRequest;
import cn.lianluo.station.service.StationDtos.StandardView;
import cn.lianluo.station.service.StationDtos.StationRequest;
import cn.lianluo.station.service.StationDtos.StationSummary;
import cn.lianluo.station.service.StationDtos.StationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registering, changing, assessing and finding stations. */
@ApplicationScoped
public class StationService {

    /** Reception days are dates in China. */
    public static final int NEXT_DAYS_IN_LISTS = 3;
    public static final int NEXT_DAYS_ON_PAGE = 6;

    private final StationRepository stations;
    private final RegionRepository regionRows;
    private final Regions regions;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final Clock clock;

    public StationService(StationRepository stations, RegionRepository regionRows, Regions regions,
                          CalendarService calendars, Outbox outbox) {
        this.stations = stations;
        this.regionRows = regionRows;
        this.regions = regions;
        this.calendars = calendars;
        this.outbox = outbox;
        this.clock = Clock.system(Zones.CHINA);
    }

    @Transactional
    public StationView register(StationRequest request, Caller caller) {
        return register(request, null, caller.subject(), Optional.of(caller));
    }

    /** Also the seed loader's path: {@code seedKey} makes a seeded station findable, {@code caller} empty skips scope. */
    @Transactional
    public StationView register(StationRequest request, String seedKey, String author, Optional<Caller> caller) {
        RegionEntity region = regions.known("regionCode", request.regionCode());
        caller.ifPresent(c -> c.requireWithin(RegionCode.of(region.code)));
        StationEntity station = new StationEntity();
        // a seeded station's id derives from its seed key, so other services' seeds can name it
        station.id = seedKey == null ? UUID.randomUUID() : SeedIds.of("station", seedKey);
        station.seedKey = seedKey;
        station.createdAt = OffsetDateTime.now(clock);
        station.createdBy = author;
        apply(station, request, region, author);
        station.standard = new ArrayList<>();
        stations.persist(station);
        outbox.add(StationEvents.REGISTERED, station.id.toString(), RegionCode.of(station.regionCode), eventData(station));
        return view(station, region, calendars.calendar());
    }

    @Transactional
    public StationView update(UUID id, StationRequest request, Caller caller) {
        StationEntity station = require(id);
        caller.requireWithin(RegionCode.of(station.regionCode));
        RegionEntity region = regions.known("regionCode", request.regionCode());
        caller.requireWithin(RegionCode.of(region.code));
        apply(station, request, region, caller.subject());
        stations.flush();
        outbox.add(StationEvents.UPDATED, station.id.toString(), RegionCode.of(station.regionCode), eventData(station));
        return view(station, region, calendars.calendar());
    }

    /** 六有 assessment: items not named stay as they were; the station is up to standard when all six are met. */
    @Transactional
    public StationView assessStandard(UUID id, StandardRequest request, Caller caller) {
        return assessStandard(id, request, caller.subject(), Optional.of(caller));
    }

    @Transactional
    public StationView assessStandard(UUID id, StandardRequest request, String author, Optional<Caller> caller) {
        StationEntity station = require(id);
        caller.ifPresent(c -> c.requireWithin(RegionCode.of(station.regionCode)));
        Map<StandardItem, StandardItemJson> items = new EnumMap<>(StandardItem.class);
        station.standard.forEach(i -> items.put(StandardItem.valueOf(i.item()), i));
        for (var input : request.items()) {
            items.put(input.item(), new StandardItemJson(input.item().name(), input.met(), input.evidence()));
        }
        station.standard = new ArrayList<>(items.values());
        station.standardMet = items.size() == StandardItem.values().length
                && items.values().stream().allMatch(StandardItemJson::met);
        station.standardAssessedAt = OffsetDateTime.now(clock);
        station.updatedAt = station.standardAssessedAt;
        station.updatedBy = author;
        stations.flush();
        outbox.add(StationEvents.STANDARD_ASSESSED, station.id.toString(), RegionCode.of(station.regionCode),
                new StationEvents.StandardAssessed(station.id, station.regionCode, station.standardMet,
                        items.values().stream().filter(StandardItemJson::met).map(StandardItemJson::item).toList()));
        return view(station, regionRows.findById(station.regionCode), calendars.calendar());
    }

    @Transactional
    public StationView get(UUID id) {
        StationEntity station = require(id);
        return view(station, regionRows.findById(station.regionCode), calendars.calendar());
    }

    /**
     * The public finder; with {@code near}, the nearest first and each with its distance. {@code near} is given in
     * {@code nearSystem} (a browser's position is WGS-84) and measured in GCJ-02, the datum of stations' coordinates.
     */
    @Transactional
    public Page<StationSummary> find(RegionCode region, StationType type, String text, GeoPoint nearGiven,
                                     CoordinateSystem nearSystem, int page, int size) {
        GeoPoint near = nearGiven == null ? null : nearGiven.inGcj02(nearSystem);
        var query = stations.find(region, type == null ? null : type.name(), text, near)
                .page(io.quarkus.panache.common.Page.of(page, size));
        WorkingCalendar calendar = calendars.calendar();
        LocalDate today = LocalDate.now(clock);
        List<StationSummary> items = query.list().stream()
                .map(s -> new StationSummary(s.id, StationType.valueOf(s.type), StationType.valueOf(s.type).label(),
                        s.name, s.regionCode, s.address, s.latitude, s.longitude, s.parentStationId, s.standardMet,
                        next(s, today, NEXT_DAYS_IN_LISTS, calendar), distance(near, s)))
                .toList();
        return new Page<>(items, query.count(), page, size);
    }

    private static Long distance(GeoPoint near, StationEntity station) {
        if (near == null || station.latitude == null || station.longitude == null) {
            return null;
        }
        return near.metersTo(new GeoPoint(station.latitude.doubleValue(), station.longitude.doubleValue()));
    }

    /** The public reception calendar of a station. */
    @Transactional
    public List<ReceptionDay> receptionDays(UUID id, LocalDate from, int count) {
        return next(require(id), from == null ? LocalDate.now(clock) : from, count, calendars.calendar());
    }

    /** The regions of the stations named, by id (those that exist). */
    java.util.Map<UUID, String> regionsOf(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, String> regions = new java.util.HashMap<>();
        stations.list("id in ?1", ids).forEach(s -> regions.put(s.id, s.regionCode));
        return regions;
    }

    StationEntity require(UUID id) {
        StationEntity station = stations.findById(id);
        if (station == null) {
            throw ProblemException.notFound("station", id);
        }
        return station;
    }

    private void apply(StationEntity station, StationRequest request, RegionEntity region, String author) {
        // GCJ-02 within China, both or neither (as a case's place): a point abroad or swapped is a mistake, not a place
        ChinaExtent.requirePlace("latitude", request.latitude() == null ? null : request.latitude().doubleValue(),
                "longitude", request.longitude() == null ? null : request.longitude().doubleValue());
        if (request.parentStationId() != null) {
            if (request.parentStationId().equals(station.id)) {
                throw ProblemException.unprocessable("invalid-parent", "parentStationId", "a station cannot be its own parent");
            }
            StationEntity parent = stations.findById(request.parentStationId());
            if (parent == null) {
                throw ProblemException.unprocessable("unknown-station", "parentStationId",
                        "station " + request.parentStationId() + " does not exist");
            }
        }
        List<ScheduleJson> schedules = new ArrayList<>();
        int count = request.schedules() == null ? 0 : request.schedules().size();
        WorkingCalendar calendar = calendars.calendar();
        for (int i = 0; i < count; i++) {
            ScheduleJson stored = Schedules.toStored(request.schedules().get(i), i);
            ReceptionSchedule schedule = Schedules.toDomain(stored);
            if (schedule.next(LocalDate.now(clock), 1, calendar).isEmpty()) {
                throw ProblemException.unprocessable("schedule-without-dates", "schedules[" + i + "]",
                        "this schedule yields no reception day in the next " + ReceptionSchedule.HORIZON_DAYS + " days");
            }
            schedules.add(stored);
        }
        station.type = request.type().name();
        station.name = request.name().strip();
        station.regionCode = region.code;
        station.address = request.address();
        station.latitude = request.latitude();
        station.longitude = request.longitude();
        station.contactPerson = request.contactPerson();
        station.contactPhone = request.contactPhone();
        station.notice = request.notice();
        station.parentStationId = request.parentStationId();
        station.features = request.features() == null ? new ArrayList<>()
                : new ArrayList<>(request.features().stream().distinct().map(StationFeature::name).toList());
        station.schedules = schedules;
        station.rules = request.rules() == null ? new ArrayList<>()
                : new ArrayList<>(request.rules().stream().map(r -> new RuleDocumentJson(r.title().strip(), r.content())).toList());
        station.updatedAt = OffsetDateTime.now(clock);
        station.updatedBy = author;
    }

    private static StationEvents.StationData eventData(StationEntity s) {
        return new StationEvents.StationData(s.id, s.type, s.name, s.regionCode, s.parentStationId, s.standardMet);
    }

    private List<ReceptionDay> next(StationEntity station, LocalDate from, int count, WorkingCalendar calendar) {
        return ReceptionSchedule.nextAcross(Schedules.toDomain(station.schedules), from, count, calendar).stream()
                .map(ReceptionDay::of).toList();
    }

    private StationView view(StationEntity s, RegionEntity region, WorkingCalendar calendar) {
        List<StandardItemView> items = new ArrayList<>();
        Map<String, StandardItemJson> assessed = new java.util.HashMap<>();
        s.standard.forEach(i -> assessed.put(i.item(), i));
        for (StandardItem item : StandardItem.values()) {
            StandardItemJson a = assessed.get(item.name());
            items.add(new StandardItemView(item, item.label(), a != null && a.met(), a == null ? null : a.evidence()));
        }
        StationType type = StationType.valueOf(s.type);
        return new StationView(s.id, type, type.label(), s.name, s.regionCode, region == null ? null : region.name,
                s.address, s.latitude, s.longitude, s.contactPerson, s.contactPhone, s.notice, s.parentStationId,
                s.features.stream().map(StationFeature::valueOf).map(f -> new Labelled(f, f.label())).toList(),
                s.schedules.stream().map(Schedules::toView).toList(),
                next(s, LocalDate.now(clock), NEXT_DAYS_ON_PAGE, calendar),
                s.rules.stream().map(r -> new RuleDocument(r.title(), r.content())).toList(),
                new StandardView(s.standardMet, (int) items.stream().filter(StandardItemView::met).count(),
                        s.standardAssessedAt, items),
                s.version, s.createdAt, s.updatedAt);
    }
}
