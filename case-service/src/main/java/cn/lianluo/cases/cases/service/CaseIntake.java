package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseLocation;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.GridPolicy;
import cn.lianluo.cases.cases.domain.IntakePolicy;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.cases.service.CaseDtos.Attachment;
import cn.lianluo.cases.cases.service.CaseDtos.CaseCreated;
import cn.lianluo.cases.cases.service.CaseDtos.CaseRequest;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.service.FileService;
import cn.lianluo.cases.shared.Consent;
import cn.lianluo.cases.shared.KnownRegions;
import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.region.RegionLevel;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 受理随时: a new case from any channel, with its tracking code, its attachments and the deadline of its first stage. */
@ApplicationScoped
public class CaseIntake {

    private static final String TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseRepositories.Cases cases;
    private final UnitRepositories.Deputies deputies;
    private final UnitService units;
    private final CaseCalendar calendars;
    private final CaseEffects effects;
    private final CaseTimeline timeline;
    private final CasePublisher publisher;
    private final CaseClock clock;
    private final CitizenCipher cipher;
    private final FileService files;
    private final DuplicateCheck duplicates;
    private final KnownRegions regions;

    public CaseIntake(CaseRepositories.Cases cases, UnitRepositories.Deputies deputies, UnitService units,
                      CaseCalendar calendars, CaseEffects effects, CaseTimeline timeline, CasePublisher publisher,
                      CaseClock clock, CitizenCipher cipher, FileService files, DuplicateCheck duplicates,
                      KnownRegions regions) {
        this.duplicates = duplicates;
        this.regions = regions;
        this.cases = cases;
        this.deputies = deputies;
        this.units = units;
        this.calendars = calendars;
        this.effects = effects;
        this.timeline = timeline;
        this.publisher = publisher;
        this.clock = clock;
        this.cipher = cipher;
        this.files = files;
    }

    /** 受理随时: a citizen's own submission (no caller) or staff/deputy intake naming the receiving deputy. */
    @Transactional
    public CaseCreated submit(CaseRequest request, Caller caller) {
        boolean staff = caller != null && caller.isAuthenticated();
        RegionCode region = RegionCodes.field("regionCode", request.regionCode());
        if (region.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            throw ProblemException.unprocessable("region-too-broad", "regionCode",
                    "a case belongs to a county, township or village, not to " + region.level());
        }
        regions.require("regionCode", region);
        var category = units.category(request.category());
        UUID receivingDeputy = request.receivingDeputyId();
        String role = "CITIZEN";
        if (staff) {
            caller.requireWithin(region);
            role = caller.primaryRole();
            if (caller.hasRole(Roles.DEPUTY)) {
                UUID self = caller.deputyId().map(UUID::fromString).orElseThrow(() ->
                        ProblemException.forbidden("a deputy's token names the deputy (deputyId)"));
                if (receivingDeputy != null && !receivingDeputy.equals(self)) {
                    throw ProblemException.forbidden("a deputy receives cases as themself");
                }
                receivingDeputy = self;
            } else if (!caller.hasRole(Roles.STATION_STAFF) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN)) {
                throw ProblemException.forbidden("a " + role + " does not take in cases");
            }
        } else if (receivingDeputy != null) {
            throw ProblemException.invalid("receivingDeputyId", "only staff or the deputy name the receiving deputy");
        }
        if (receivingDeputy != null) {
            DeputyCopyEntity deputy = deputies.findById(receivingDeputy);
            if (deputy == null || !deputy.active) {
                throw ProblemException.unprocessable("unknown-deputy", "receivingDeputyId",
                        "deputy " + receivingDeputy + " is not an active deputy known to case-service");
            }
            // a deputy of the case's own part of the tree: of its region or of one above or below it, not another county's
            RegionCode deputyRegion = RegionCode.of(deputy.regionCode);
            if (!region.contains(deputyRegion) && !deputyRegion.contains(region)) {
                throw ProblemException.unprocessable("deputy-outside-region", "receivingDeputyId",
                        "deputy " + receivingDeputy + " belongs to " + deputy.regionCode + ", not to the case's region " + region);
            }
        }
        // what an anonymous caller may set, and links staff will open (item 11 of issue 17)
        Optional<String> workerGrid = staff ? caller.gridId() : Optional.empty();
        // a grid worker's case comes through their grid unless they name another channel, which GridPolicy refuses
        Channel channel = IntakePolicy.channel(workerGrid.isPresent() && request.channel() == null ? Channel.GRID
                : request.channel(), staff);
        GridPolicy.Origin origin = GridPolicy.origin(channel, request.gridId(), workerGrid);
        if (request.appointmentId() != null && origin.channel() != Channel.APPOINTMENT) {
            throw ProblemException.invalid("appointmentId", "only a case of channel APPOINTMENT (代表有约) names an appointment");
        }
        IntakePolicy.requireStaffFor(staff, request.urgent(), request.stationId());
        List<Attachment> given = request.attachments() == null ? List.of() : request.attachments();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i).fileId() == null) {
                if (blank(given.get(i).name())) {
                    throw ProblemException.invalid("attachments[" + i + "].name",
                            "a link needs its name; or name an uploaded file by fileId alone");
                }
                IntakePolicy.requireSafeUrl(given.get(i).url(), "attachments[" + i + "].url");
            }
        }
        Optional<CaseLocation> place = CaseLocation.of(request.lat(), request.lng());
        Instant now = clock.now();
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.trackingCode = trackingCode();
        c.title = request.title().strip();
        c.content = request.content().strip();
        c.category = category.code();
        c.kind = (request.kind() == null ? CaseKind.ENQUIRY : request.kind()).name();
        c.urgent = Boolean.TRUE.equals(request.urgent());
        c.regionCode = region.value();
        c.stationId = request.stationId();
        c.channel = origin.channel().name();
        c.gridId = origin.gridId();
        c.appointmentId = request.appointmentId();
        c.address = blank(request.address()) ? null : request.address().strip();
        c.lat = place.map(CaseLocation::lat).orElse(null);
        c.lng = place.map(CaseLocation::lng).orElse(null);
        cipher.seal(c, request.citizen().name().strip(), request.citizen().phone().strip());
        // 重复件: flagged for staff to merge or unlink; the citizen's tracking page never says so
        c.possibleDuplicateOf = duplicates.possibleDuplicateOf(c, now).orElse(null);
        c.consent = Consent.given(request.citizen().consentedNotice(), now);
        c.receivingDeputyId = receivingDeputy;
        c.status = CaseStatus.RECEIVED.name();
        c.receivedAt = now;
        c.createdBy = staff ? caller.subject() : "citizen";
        c.attachments = attachments(c.id, given, c.createdBy);
        cases.persist(c);
        WorkingCalendar calendar = calendars.calendar();
        // a new case has one deadline, the one started here: the event and the answer take it without reading it back
        List<DeadlineEntity> caseDeadlines = List.of(effects.startStage(c, Stage.ASSIGN, now, calendar));
        timeline.record(c, "RECEIVED", staff ? CaseActor.of(caller) : CaseActor.CITIZEN, now, null, null, null);
        publisher.publish(c, "received", role, null, now, null, caseDeadlines);
        return new CaseCreated(c.id, c.trackingCode, CaseStatus.RECEIVED, CaseViews.deadlineMap(caseDeadlines, now));
    }

    /**
     * The case's attachments in the order given: links as they came, uploaded files (named by fileId) taken for the
     * case — a file that is unknown, already a case's, too old or another account's refuses the whole submission.
     */
    private List<CaseEntity.Attachment> attachments(UUID caseId, List<Attachment> given, String account) {
        List<FileService.StoredFile> stored = files.attach(caseId, i -> "attachments[" + i + "].fileId",
                given.stream().map(Attachment::fileId).toList(), account);
        List<CaseEntity.Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Attachment a = given.get(i);
            FileService.StoredFile f = stored.get(i);
            attachments.add(f == null ? new CaseEntity.Attachment(a.name(), a.contentType(), a.size(), a.url(), null, null)
                    : HandlingFiles.attachment(f, null));
        }
        return attachments;
    }

    private static String trackingCode() {
        StringBuilder code = new StringBuilder("LL");
        for (int i = 0; i < 10; i++) {
            code.append(TRACKING_ALPHABET.charAt(RANDOM.nextInt(TRACKING_ALPHABET.length())));
        }
        return code.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
