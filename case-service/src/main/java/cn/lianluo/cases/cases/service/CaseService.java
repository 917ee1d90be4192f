package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.calendar.service.CalendarService;
import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseLoop;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.Deadline;
import cn.lianluo.cases.cases.domain.IntakePolicy;
import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.persistence.CaseActionEntity;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.cases.service.CaseDtos.Attachment;
import cn.lianluo.cases.cases.service.CaseDtos.CaseCreated;
import cn.lianluo.cases.cases.service.CaseDtos.CaseRequest;
import cn.lianluo.cases.cases.service.CaseDtos.CommandBody;
import cn.lianluo.cases.cases.service.CaseDtos.Rating;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.service.FileService;
import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.FieldError;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Intake from every channel and every command of the 五环五时 loop, with the stage deadlines. */
@ApplicationScoped
public class CaseService {

    private static final String TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a handling unit does itself. */
    private static final Set<CaseCommand> HANDLER_COMMANDS = EnumSet.of(CaseCommand.ACCEPT, CaseCommand.COMPLETE,
            CaseCommand.ESCALATE, CaseCommand.PAUSE, CaseCommand.RESUME, CaseCommand.REQUEST_EXTENSION, CaseCommand.REPLY);
    /**
     * What the receiving deputy (第一责任人) does. Not the 回访: the satisfaction that scores a deputy comes from the
     * citizen (rating by tracking code) or from staff, never from the deputy who received the case.
     */
    private static final Set<CaseCommand> DEPUTY_COMMANDS = EnumSet.of(CaseCommand.ANSWER, CaseCommand.REPLY);
    /** What only the people's-congress office decides. */
    private static final Set<CaseCommand> SUPERVISOR_COMMANDS = EnumSet.of(CaseCommand.APPROVE_EXTENSION,
            CaseCommand.DENY_EXTENSION, CaseCommand.SUPERVISE, CaseCommand.REOPEN);

    private final CaseRepositories.Cases cases;
    private final CaseRepositories.Actions actions;
    private final CaseRepositories.Deadlines deadlines;
    private final UnitRepositories.Deputies deputies;
    private final UnitService units;
    private final CalendarService calendars;
    private final CasePublisher publisher;
    private final CaseClock clock;
    private final CitizenCipher cipher;
    private final TrackingGuard guard;
    private final FileService files;

    public CaseService(CaseRepositories.Cases cases, CaseRepositories.Actions actions,
                       CaseRepositories.Deadlines deadlines, UnitRepositories.Deputies deputies, UnitService units,
                       CalendarService calendars, CasePublisher publisher, CaseClock clock, CitizenCipher cipher,
                       TrackingGuard guard, FileService files) {
        this.cases = cases;
        this.actions = actions;
        this.deadlines = deadlines;
        this.deputies = deputies;
        this.units = units;
        this.calendars = calendars;
        this.publisher = publisher;
        this.clock = clock;
        this.cipher = cipher;
        this.guard = guard;
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
        var category = units.category(request.category());
        UUID receivingDeputy = request.receivingDeputyId();
        String role = "CITIZEN";
        if (staff) {
            caller.requireWithin(region);
            role = primaryRole(caller);
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
        Channel channel = IntakePolicy.channel(request.channel(), staff);
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
        c.channel = channel.name();
        cipher.seal(c, request.citizen().name().strip(), request.citizen().phone().strip());
        if (request.citizen().consentedNotice() != null) {
            c.consentedNotice = request.citizen().consentedNotice();
            c.consentedAt = now;
        }
        c.receivingDeputyId = receivingDeputy;
        c.status = CaseStatus.RECEIVED.name();
        c.receivedAt = now;
        c.createdBy = staff ? caller.subject() : "citizen";
        c.attachments = attachments(c.id, given, c.createdBy);
        cases.persist(c);
        WorkingCalendar calendar = calendars.calendar();
        // a new case has one deadline, the one started here: the event and the answer take it without reading it back
        List<DeadlineEntity> caseDeadlines = List.of(startStage(c, Stage.ASSIGN, now, calendar));
        record(c, "RECEIVED", role, staff ? caller.subject() : "citizen", now, null, null, null);
        publisher.publish(c, "received", role, null, now, null, caseDeadlines);
        return new CaseCreated(c.id, c.trackingCode, CaseStatus.RECEIVED, CaseViews.deadlineMap(caseDeadlines, now));
    }

    /**
     * The case's attachments in the order given: links as they came, uploaded files (named by fileId) taken for the
     * case — a file that is unknown, already a case's, too old or another account's refuses the whole submission.
     */
    private List<CaseEntity.Attachment> attachments(UUID caseId, List<Attachment> given, String account) {
        List<FileService.StoredFile> stored = files.attach(caseId, "attachments",
                given.stream().map(Attachment::fileId).toList(), account);
        List<CaseEntity.Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Attachment a = given.get(i);
            FileService.StoredFile f = stored.get(i);
            attachments.add(f == null ? new CaseEntity.Attachment(a.name(), a.contentType(), a.size(), a.url(), null)
                    : new CaseEntity.Attachment(f.name(), f.contentType(), f.size(), null, f.id()));
        }
        return attachments;
    }

    /** {@code POST /cases/{id}/{command}}. */
    @Transactional
    public void command(UUID id, CaseCommand command, CommandBody body, Caller caller) {
        CaseEntity c = require(id);
        authorize(c, command, caller);
        apply(c, command, body == null ? new CommandBody(null, null, null, null, null, null, null) : body,
                primaryRole(caller), caller.subject());
    }

    /** The citizen's own rating after the reply (the public tracking page); once. */
    @Transactional
    public void rate(String trackingCode, Rating rating) {
        CaseEntity c = tracked(trackingCode, rating.phone());
        if (CaseStatus.valueOf(c.status) != CaseStatus.REPLIED) {
            throw c.satisfaction != null
                    ? ProblemException.conflict("already-rated", "this reply has already been rated")
                    : ProblemException.conflict("not-replied", "a case is rated after its reply");
        }
        c.ratedByCitizen = true;
        apply(c, CaseCommand.VISIT, new CommandBody(null, null, rating.comment(), null, rating.satisfaction(), null, null),
                "CITIZEN", "citizen");
    }

    /**
     * The case of a tracking code and phone; a wrong phone answers exactly as an unknown code does, and a code with too
     * many wrong phones is locked ({@link TrackingGuard}).
     */
    CaseEntity tracked(String trackingCode, String phone) {
        return require(guard.admit(trackingCode, phone));
    }

    private void apply(CaseEntity c, CaseCommand command, CommandBody body, String role, String actor) {
        requireFields(command, body);
        CaseStatus before = CaseStatus.valueOf(c.status);
        CaseLoop.State state;
        try {
            state = CaseLoop.decide(state(c), command, body.satisfaction());
        } catch (CaseLoop.Rejected r) {
            // the commands spelt as the path and allowedCommands spell them
            String allowed = r.allowed().stream().map(CaseCommand::path).collect(Collectors.joining(", "));
            throw new ProblemException(409, "illegal-transition", "Conflict 状态冲突", "'" + command.path()
                    + "' is not allowed when the case is " + r.status() + (c.paused ? " (paused)" : "") + "; allowed: " + allowed,
                    List.of(new FieldError("command", "allowed when " + r.status() + ": " + allowed)));
        }
        Instant now = clock.now();
        WorkingCalendar calendar = calendars.calendar();
        Optional<DeadlineEntity> open = deadlines.open(c.id);
        UUID unitForTimeline = null;
        String note = firstNonBlank(body.note(), body.content(), body.result(), body.reason());
        // what the citizen is told, kept apart from a note that is staff's
        String told = switch (command) {
            case ANSWER, REPLY -> body.content().strip();
            case COMPLETE -> body.result().strip();
            default -> null;
        };
        switch (command) {
            case ANSWER -> {
                c.onTheSpot = true;
                meet(open, now);
                startStage(c, Stage.VISIT, now, calendar);
            }
            case ASSIGN -> {
                UnitEntity unit = units.require(body.unitId(), "unitId");
                requireResponsible(c, unit, "unitId");
                c.unitId = unit.id;
                unitForTimeline = unit.id;
                meet(open, now);
                startStage(c, Stage.HANDLE, now, calendar);
            }
            case ESCALATE -> {
                UnitEntity from = units.require(c.unitId, "unitId");
                UnitEntity to = units.require(body.unitId(), "unitId");
                requireResponsible(c, to, "unitId");
                if (RegionLevel.valueOf(to.level).ordinal() >= RegionLevel.valueOf(from.level).ordinal()) {
                    throw ProblemException.unprocessable("escalation-level", "unitId",
                            "escalation goes to a unit of a higher level than " + from.level + " (按职责层级交办)");
                }
                c.unitId = to.id;
                unitForTimeline = to.id;
                meet(open, now);
                startStage(c, Stage.HANDLE, now, calendar);
            }
            case COMPLETE -> {
                meet(open, now);
                startStage(c, Stage.REPLY, now, calendar);
            }
            case REPLY -> {
                meet(open, now);
                startStage(c, Stage.VISIT, now, calendar);
            }
            case VISIT, REOPEN, CLOSE -> {
                meet(open, now);
                if (command == CaseCommand.VISIT) {
                    c.satisfaction = body.satisfaction().name();
                }
                if (state.status() == CaseStatus.CLOSED) {
                    close(c, now, calendar);
                } else {
                    c.closedAt = null;
                    c.closedOnTime = null;
                    c.workingDaysToClose = null;
                    if (state.status() == CaseStatus.ASSIGNED) {
                        startStage(c, Stage.HANDLE, now, calendar);
                    } else if (state.status() == CaseStatus.RECEIVED) {
                        startStage(c, Stage.ASSIGN, now, calendar);
                    }
                }
            }
            case PAUSE -> {
                c.pausedAt = now;
                open.ifPresent(d -> d.paused = true);
            }
            case RESUME -> {
                int stopped = Deadline.workingDaysBetween(c.pausedAt.atZone(CaseClock.CHINA).toLocalDate(), clock.today(), calendar);
                open.ifPresent(d -> {
                    d.paused = false;
                    move(d, stopped, calendar);
                });
                c.pausedAt = null;
            }
            case REQUEST_EXTENSION -> {
                DeadlineEntity d = open.filter(x -> Stage.HANDLE.name().equals(x.stage)).orElseThrow(() ->
                        ProblemException.conflict("no-handling-deadline", "an extension is asked for the handling time limit"));
                if (!now.isBefore(d.dueAt)) {
                    throw ProblemException.unprocessable("extension-too-late", "days",
                            "an extension is asked before the deadline (" + d.dueDate + "), not after it");
                }
                int original = originalSpan(c);
                if (body.days() > Math.max(1, original)) {
                    throw ProblemException.invalid("days", "an extension is at most the original time limit (" + original + " working days)");
                }
                c.extensionDays = body.days();
            }
            case APPROVE_EXTENSION -> open.ifPresent(d -> move(d, c.extensionDays, calendar));
            case DENY_EXTENSION -> c.extensionDays = 0;
            case ACCEPT, SUPERVISE -> {
            }
        }
        c.status = state.status().name();
        c.paused = state.paused();
        c.reopenCount = state.reopenCount();
        c.extensionPending = state.extensionPending();
        c.extensionUsed = state.extensionUsed();
        String action = command.name();
        if (command == CaseCommand.VISIT && state.status() == CaseStatus.SUPERVISOR_REVIEW) {
            action = "ESCALATED_TO_SUPERVISOR";
        }
        record(c, action, role, actor, now, note, told, unitForTimeline);
        publisher.publish(c, eventAction(command, state.status()), role, before, now, null);
    }

    private static String eventAction(CaseCommand command, CaseStatus after) {
        return switch (command) {
            case ANSWER -> "answered";
            case ASSIGN -> "assigned";
            case ACCEPT -> "accepted";
            case ESCALATE -> "escalated";
            case COMPLETE -> "handled";
            case REPLY -> "replied";
            case VISIT -> after == CaseStatus.SUPERVISOR_REVIEW ? "escalated-to-supervisor" : "visited";
            case REOPEN -> after == CaseStatus.SUPERVISOR_REVIEW ? "escalated-to-supervisor" : "reopened";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
            case REQUEST_EXTENSION -> "extension-requested";
            case APPROVE_EXTENSION -> "extension-approved";
            case DENY_EXTENSION -> "extension-denied";
            case SUPERVISE -> "supervised";
            case CLOSE -> "closed";
        };
    }

    private void requireFields(CaseCommand command, CommandBody body) {
        String missing = switch (command) {
            case ANSWER, REPLY -> blank(body.content()) ? "content" : null;
            case ASSIGN, ESCALATE -> body.unitId() == null ? "unitId" : command == CaseCommand.ESCALATE && blank(body.note()) ? "note" : null;
            case COMPLETE -> blank(body.result()) ? "result" : null;
            case VISIT -> body.satisfaction() == null ? "satisfaction" : null;
            case REOPEN, PAUSE -> blank(body.reason()) ? "reason" : null;
            case SUPERVISE, CLOSE -> blank(body.note()) ? "note" : null;
            case REQUEST_EXTENSION -> body.days() == null ? "days" : blank(body.reason()) ? "reason" : null;
            case ACCEPT, RESUME, APPROVE_EXTENSION, DENY_EXTENSION -> null;
        };
        if (missing != null) {
            throw ProblemException.invalid(missing, "required for " + command.path());
        }
    }

    /** Role and scope for a command (DESIGN §4): handlers act on their unit's cases, deputies as themselves. */
    private void authorize(CaseEntity c, CaseCommand command, Caller caller) {
        if (command == CaseCommand.VISIT && caller.hasRole(Roles.DEPUTY)) {
            // checked before the staff roles: a deputy's token that also carries one still does not rate a case
            throw ProblemException.forbidden("a deputy does not record the 回访 of a case: the satisfaction comes from "
                    + "the citizen (rating by tracking code) or from staff's return visit");
        }
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR)) {
            caller.requireWithin(RegionCode.of(c.regionCode));
            return;
        }
        if (caller.hasRole(Roles.STATION_STAFF) && !SUPERVISOR_COMMANDS.contains(command)) {
            caller.requireWithin(RegionCode.of(c.regionCode));
            return;
        }
        if (caller.hasRole(Roles.HANDLER) && HANDLER_COMMANDS.contains(command)) {
            if (c.unitId != null && caller.unitId().map(c.unitId.toString()::equals).orElse(false)) {
                return;
            }
            throw ProblemException.forbidden("a handling unit acts only on the cases assigned to it");
        }
        if (caller.hasRole(Roles.DEPUTY) && DEPUTY_COMMANDS.contains(command)) {
            if (c.receivingDeputyId != null && caller.deputyId().map(c.receivingDeputyId.toString()::equals).orElse(false)) {
                return;
            }
            throw ProblemException.forbidden("a deputy acts only on the cases they received");
        }
        throw ProblemException.forbidden("your role does not " + command.path() + " cases");
    }

    /** A unit answers for a case when it sits at the case's region or above it, or inside it. */
    private static void requireResponsible(CaseEntity c, UnitEntity unit, String field) {
        RegionCode caseRegion = RegionCode.of(c.regionCode);
        RegionCode unitRegion = RegionCode.of(unit.regionCode);
        if (!unitRegion.contains(caseRegion) && !caseRegion.contains(unitRegion)) {
            throw ProblemException.unprocessable("unit-outside-region", field,
                    unit.name + " (" + unit.regionCode + ") does not answer for region " + c.regionCode);
        }
    }

    CaseEntity require(UUID id) {
        CaseEntity c = cases.findById(id);
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        return c;
    }

    static CaseLoop.State state(CaseEntity c) {
        return new CaseLoop.State(CaseStatus.valueOf(c.status), c.paused, c.unitId != null, c.reopenCount,
                c.extensionPending, c.extensionUsed);
    }

    private DeadlineEntity startStage(CaseEntity c, Stage stage, Instant now, WorkingCalendar calendar) {
        int span = calendars.policyFor(RegionCode.of(c.regionCode)).span(stage, CaseKind.valueOf(c.kind), c.urgent);
        Deadline d = Deadline.start(stage, now, span, calendar);
        DeadlineEntity row = new DeadlineEntity();
        row.id = UUID.randomUUID();
        row.caseId = c.id;
        row.regionCode = c.regionCode;
        row.stage = stage.name();
        row.startedAt = now;
        set(row, d, calendar);
        deadlines.persist(row);
        return row;
    }

    private static void set(DeadlineEntity row, Deadline d, WorkingCalendar calendar) {
        row.span = d.span();
        row.dueDate = d.dueDate();
        row.dueAt = d.dueAt();
        row.warnAt = d.warnAt();
        row.urgeOn = d.urgeOn(calendar);
        row.reportOn = d.reportOn(calendar);
    }

    /** A pause that stopped the clock, or an approved extension, moves the open deadline. */
    private static void move(DeadlineEntity row, int days, WorkingCalendar calendar) {
        Deadline current = new Deadline(Stage.valueOf(row.stage), row.startedAt, row.span, row.dueDate, row.dueAt, row.warnAt);
        set(row, current.extendedBy(days, calendar), calendar);
    }

    private int originalSpan(CaseEntity c) {
        return calendars.policyFor(RegionCode.of(c.regionCode)).span(Stage.HANDLE, CaseKind.valueOf(c.kind), c.urgent);
    }

    private static void meet(Optional<DeadlineEntity> open, Instant now) {
        open.ifPresent(d -> {
            d.metAt = now;
            d.paused = false;
        });
    }

    private void close(CaseEntity c, Instant now, WorkingCalendar calendar) {
        c.closedAt = now;
        c.closedOnTime = deadlines.of(c.id).stream().allMatch(d -> d.metAt != null && !d.metAt.isAfter(d.dueAt));
        c.workingDaysToClose = Deadline.workingDaysBetween(c.receivedAt.atZone(CaseClock.CHINA).toLocalDate(),
                now.atZone(CaseClock.CHINA).toLocalDate(), calendar);
    }

    private void record(CaseEntity c, String action, String role, String actor, Instant at, String note, String content,
                        UUID unitId) {
        CaseActionEntity a = new CaseActionEntity();
        a.id = UUID.randomUUID();
        a.caseId = c.id;
        a.action = action;
        a.actorRole = role;
        a.actor = actor;
        a.at = at;
        a.note = note;
        a.content = content;
        a.unitId = unitId;
        a.status = c.status;
        actions.persist(a);
    }

    private static String primaryRole(Caller caller) {
        return caller.primaryRole();
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

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v.strip();
            }
        }
        return null;
    }
}
