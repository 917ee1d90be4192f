package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseLoop;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.DuplicatePolicy;
import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.persistence.CaseActionEntity;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.cases.service.CaseDtos.Attachment;
import cn.lianluo.cases.cases.service.CaseDtos.CaseSummary;
import cn.lianluo.cases.cases.service.CaseDtos.CaseView;
import cn.lianluo.cases.cases.service.CaseDtos.CitizenView;
import cn.lianluo.cases.cases.service.CaseDtos.TimelineEntry;
import cn.lianluo.cases.cases.service.CaseDtos.TrackAnswer;
import cn.lianluo.cases.cases.service.CaseDtos.TrackEntry;
import cn.lianluo.cases.cases.service.CaseDtos.TrackResult;
import cn.lianluo.cases.cases.service.CaseDtos.TrackView;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.data.ChangeFeed;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading cases: the detail, lists in scope, and the citizen's tracking page. Personal data is masked unless the reader handles the case. */
@ApplicationScoped
public class CaseQueries {

    /** Timeline actions a citizen sees on the tracking page. */
    private static final Set<String> PUBLIC_ACTIONS = Set.of("RECEIVED", "ANSWER", "ASSIGN", "ACCEPT", "ESCALATE",
            "TRANSFER", "COMPLETE", "REPLY", "VISIT", "REOPEN", "CLOSE", "ESCALATED_TO_SUPERVISOR", "PAUSE", "RESUME", "MERGE");
    /** Timeline actions that give the case to the unit they name. */
    private static final Set<String> HANDED_TO_UNIT = Set.of("ASSIGN", "ESCALATE", "TRANSFER");
    /** Timeline actions whose content the citizen was told: the answer on the spot, the reply, the handling result. */
    private static final Set<String> TOLD = Set.of("ANSWER", "REPLY", "COMPLETE");

    private final CaseService service;
    private final CaseRepositories.Cases cases;
    private final CaseRepositories.Actions actions;
    private final CaseRepositories.Deadlines deadlines;
    private final UnitRepositories.Units units;
    private final UnitRepositories.Categories categories;
    private final CaseClock clock;
    private final CitizenCipher cipher;

    public CaseQueries(CaseService service, CaseRepositories.Cases cases, CaseRepositories.Actions actions,
                       CaseRepositories.Deadlines deadlines, UnitRepositories.Units units,
                       UnitRepositories.Categories categories, CaseClock clock, CitizenCipher cipher) {
        this.service = service;
        this.cases = cases;
        this.actions = actions;
        this.deadlines = deadlines;
        this.units = units;
        this.categories = categories;
        this.clock = clock;
        this.cipher = cipher;
    }

    @Transactional
    public CaseView get(UUID id, Caller caller) {
        CaseEntity c = service.require(id);
        requireReadable(c, caller);
        return view(c, handles(c, caller));
    }

    /**
     * Who reads a case (and its files): those who handle it, and the deputies of its region (with the citizen's data
     * masked); anyone else is a 403.
     */
    public static void requireReadable(CaseEntity c, Caller caller) {
        if (!handles(c, caller)) {
            if (!caller.hasRole(Roles.DEPUTY)) {
                throw ProblemException.forbidden("you do not handle this case");
            }
            caller.requireWithin(RegionCode.of(c.regionCode));
        }
    }

    /**
     * The case as its actor sees it after a command: a unit that escalated the case away still gets the answer
     * (with the citizen's data masked), not a 403.
     */
    @Transactional
    public CaseView afterCommand(UUID id, Caller caller) {
        CaseEntity c = service.require(id);
        return view(c, handles(c, caller));
    }

    /**
     * What a case list is narrowed to; a null field is no filter.
     *
     * @param region   a region inside the caller's scope (its cases and those of the regions inside it)
     * @param overdue  with (true) or without (false) an open, unpaused deadline that is due (as {@code overdue} on a case)
     * @param warned   with (true) or without (false) an open, unpaused deadline in its warning window: its warning time
     *                 (80 % of the stage) has come and it is not yet due, the window in which {@link DeadlineWatch} fires
     *                 预警 and the dashboards count "warnings now"; a deadline that is due is overdue, not warned
     * @param category a category code as stored (upper case, known)
     * @param text     stripped, not blank: a part of the title (case-insensitive), or a whole tracking code
     */
    public record Filter(RegionCode region, CaseStatus status, Boolean overdue, Boolean warned, UUID receivingDeputy,
                         String category, String text) {
    }

    /** Cases in the caller's scope: a handling unit sees its own, a deputy those they received. */
    @Transactional
    public Page<CaseSummary> list(Filter filter, int page, int size, Caller caller) {
        StringBuilder where = new StringBuilder("regionCode like :region");
        Parameters params = Parameters.with("region", caller.listScope(filter.region()).likePattern());
        Own own = own(caller);
        if (own != null) {
            where.append(" and ").append(own.field()).append(" = :own");
            params.and("own", own.id());
        }
        if (filter.receivingDeputy() != null) {
            where.append(" and receivingDeputyId = :receiving");
            params.and("receiving", filter.receivingDeputy());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.and("category", filter.category());
        }
        if (filter.text() != null) {
            // the title only: the citizen's name and phone are sealed and are not the list's to search
            where.append(" and (lower(title) like :text escape '\\' or trackingCode = :code)");
            params.and("text", "%" + filter.text().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.and("code", TrackingGuard.normalised(filter.text()));
        }
        Instant now = clock.now();
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and" : " and not").append(" exists (select 1 from DeadlineEntity d where "
                    + "d.caseId = c.id and d.metAt is null and d.paused = false and d.dueAt <= :now)");
            params.and("now", now);
        }
        if (filter.warned() != null) {
            where.append(filter.warned() ? " and" : " and not").append(" exists (select 1 from DeadlineEntity d where "
                    + "d.caseId = c.id and d.metAt is null and d.paused = false and d.warnAt <= :now and d.dueAt > :now)");
            params.and("now", now);
        }
        var query = cases.find("from CaseEntity c where " + where + " order by receivedAt desc", params)
                .page(io.quarkus.panache.common.Page.of(page, size));
        List<CaseEntity> rows = query.list();
        return new Page<>(summaries(rows, caller, now), query.count(), page, size);
    }

    /** The cases a handling unit or a deputy is narrowed to, beside the region: the unit's own, those they received. */
    private record Own(String field, String column, UUID id) {
    }

    private static Own own(Caller caller) {
        if (caller.hasRole(Roles.HANDLER) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN)) {
            return new Own("unitId", "unit_id", caller.unitId().map(UUID::fromString).orElseThrow(() ->
                    ProblemException.forbidden("a handling unit's token names its unit (unitId)")));
        }
        if (caller.hasRole(Roles.DEPUTY) && !caller.hasRole(Roles.STATION_STAFF) && !caller.hasRole(Roles.SUPERVISOR)
                && !caller.hasRole(Roles.ADMIN)) {
            return new Own("receivingDeputyId", "receiving_deputy_id", caller.deputyId().map(UUID::fromString).orElseThrow(() ->
                    ProblemException.forbidden("a deputy's token names the deputy (deputyId)")));
        }
        return null;
    }

    /**
     * The cases of the caller's scope (as {@link #list}: region, a handling unit's own, a deputy's received) written
     * after the cursor, in the order of the transaction that last wrote each (see {@link ChangeFeed}): a case is
     * read again after each change to it, and a case that does not change is read once.
     */
    @Transactional
    public CursorPage<CaseSummary> changes(RegionCode region, Cursor after, int size, Caller caller) {
        RegionCode scope = caller.listScope(region);
        Own own = own(caller);
        List<Cursor> keys = ChangeFeed.keys(cases.getEntityManager(), "citizen_case", scope,
                own == null ? "" : "AND " + own.column() + " = :own", own == null ? Map.of() : Map.of("own", own.id()), after, size);
        return ChangeFeed.page(keys, after, ids -> {
            // read again in a newer snapshot than the keys: a case moved out of the scope in between is left out
            Map<UUID, CaseEntity> byId = cases.list("id in ?1", ids).stream()
                    .filter(c -> c.regionCode.startsWith(scope.value()) && (own == null
                            || own.id().equals(own.field().equals("unitId") ? c.unitId : c.receivingDeputyId)))
                    .collect(Collectors.toMap(c -> c.id, c -> c));
            return summaries(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), caller, clock.now());
        });
    }

    /** Cases as a list shows them: the citizen masked, the open deadline, the tracking code for those who handle it. */
    private List<CaseSummary> summaries(List<CaseEntity> rows, Caller caller, Instant now) {
        Map<UUID, List<DeadlineEntity>> open = rows.isEmpty() ? Map.of() : deadlines
                .list("caseId in ?1 and metAt is null", rows.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.groupingBy(d -> d.caseId));
        return rows.stream().map(c -> {
            List<DeadlineEntity> current = open.getOrDefault(c.id, List.of());
            return new CaseSummary(c.id, trackingCodeFor(c, caller), c.title, c.category, CaseStatus.valueOf(c.status),
                    CaseViews.statusLabel(c.status), c.regionCode, Channel.valueOf(c.channel), c.gridId, masked(c), c.unitId,
                    CaseViews.overdueNow(current, now), c.receivedAt,
                    current.isEmpty() ? null : CaseViews.deadline(current.get(0), now),
                    handles(c, caller) ? c.possibleDuplicateOf : null);
        }).toList();
    }

    /**
     * The public tracking page: each step, the latest answer and handling result with the names of the units, and
     * nothing of who acted. A wrong phone is the same 404 as an unknown code.
     */
    @Transactional
    public TrackView track(String trackingCode, String phone) {
        CaseEntity c = service.tracked(trackingCode, phone);
        Map<UUID, String> unitNames = new HashMap<>();
        Told own = told(c, unitNames);
        CaseStatus status = CaseStatus.valueOf(c.status);
        // a duplicate merged into another case (合并办理) is answered by that case: its citizen gets the same answer
        CaseEntity answering = service.answering(c);
        Told answer = answering == c ? own : told(answering, unitNames);
        // a merged case is rated once the case merged into has its answer (DuplicatePolicy#requireRateableMerged)
        boolean canRate = status == CaseStatus.REPLIED || status == CaseStatus.MERGED
                && DuplicatePolicy.rateableMerged(CaseStatus.valueOf(answering.status), c.satisfaction != null);
        return new TrackView(c.trackingCode, c.title, status, status.label(), c.receivedAt, own.timeline(),
                canRate, c.satisfaction == null ? null : Satisfaction.valueOf(c.satisfaction),
                unitName(answering.unitId, unitNames), answer.reply(), answer.result());
    }

    /** A case's steps as the citizen sees them, and the latest answer and result it was given. */
    private record Told(List<TrackEntry> timeline, TrackAnswer reply, TrackResult result) {
    }

    private Told told(CaseEntity c, Map<UUID, String> unitNames) {
        List<TrackEntry> timeline = new ArrayList<>();
        UUID handling = null; // the unit the case was with at each step, as the timeline tells it
        TrackAnswer reply = null;
        TrackResult result = null;
        for (CaseActionEntity a : actions.of(c.id)) {
            if (a.unitId != null && HANDED_TO_UNIT.contains(a.action)) {
                handling = a.unitId;
            } else if ("RETURN".equals(a.action)) {
                handling = null;
            }
            if (!PUBLIC_ACTIONS.contains(a.action)) {
                continue;
            }
            String content = TOLD.contains(a.action) ? a.content : null;
            timeline.add(new TrackEntry(a.action, actionLabel(a.action), a.at, unitName(a.unitId, unitNames), content));
            if (content == null) {
                continue;
            }
            switch (a.action) {
                case "ANSWER" -> reply = new TrackAnswer(content, a.at, true, null);
                case "REPLY" -> reply = new TrackAnswer(content, a.at, false, unitName(handling, unitNames));
                case "COMPLETE" -> result = new TrackResult(content, a.at, unitName(handling, unitNames));
                default -> {
                }
            }
        }
        return new Told(timeline, reply, result);
    }

    private String unitName(UUID unitId, Map<UUID, String> known) {
        if (unitId == null) {
            return null;
        }
        return known.computeIfAbsent(unitId, id -> {
            UnitEntity unit = units.findById(id);
            return unit == null ? null : unit.name;
        });
    }

    /**
     * The tracking code with the citizen's phone opens the public tracking page, so only those who handle the case see
     * it (as they see the whole phone): a deputy reading a case of their region that they did not receive does not.
     */
    private static String trackingCodeFor(CaseEntity c, Caller caller) {
        return handles(c, caller) ? c.trackingCode : null;
    }

    /**
     * Whether the caller handles the case, and so sees the citizen's whole name and phone and the tracking code:
     * staff (ADMIN, SUPERVISOR, STATION_STAFF) whose scope covers the case's region, the handling unit the case is
     * assigned to now, and the deputy who received it.
     */
    static boolean handles(CaseEntity c, Caller caller) {
        RegionCode region = RegionCode.of(c.regionCode);
        if ((caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.STATION_STAFF))
                && caller.covers(region)) {
            return true;
        }
        if (caller.hasRole(Roles.HANDLER) && c.unitId != null && caller.unitId().map(c.unitId.toString()::equals).orElse(false)) {
            return true;
        }
        return caller.hasRole(Roles.DEPUTY) && c.receivingDeputyId != null
                && caller.deputyId().map(c.receivingDeputyId.toString()::equals).orElse(false);
    }

    private CaseView view(CaseEntity c, boolean whole) {
        Instant now = clock.now();
        List<DeadlineEntity> rows = deadlines.of(c.id);
        UnitEntity unit = c.unitId == null ? null : units.findById(c.unitId);
        var category = categories.findById(c.category);
        CaseStatus status = CaseStatus.valueOf(c.status);
        Channel channel = Channel.valueOf(c.channel);
        List<TimelineEntry> timeline = actions.of(c.id).stream().map(a -> {
            // the account behind an entry is for those who handle the case (纪检 asks who did what), not other deputies
            UUID actorUnit = whole ? a.actorUnitId : null;
            return new TimelineEntry(a.action, actionLabel(a.action), a.actorRole, a.actor, whole ? a.actorSubject : null,
                    whole ? a.actorName : null, actorUnit, unitName(actorUnit), a.at, a.note, a.content, a.unitId,
                    unitName(a.unitId), CaseStatus.valueOf(a.status));
        }).toList();
        return new CaseView(c.id, whole ? c.trackingCode : null, c.title, c.content, c.category, category == null ? null : category.name,
                CaseKind.valueOf(c.kind), c.urgent, status, status.label(), c.regionCode, c.stationId, channel,
                channel.label(), c.gridId, whole ? whole(c) : masked(c), c.receivingDeputyId,
                c.unitId, unit == null ? null : unit.name, c.onTheSpot, c.paused, c.reopenCount,
                c.satisfaction == null ? null : Satisfaction.valueOf(c.satisfaction), CaseViews.deadlineMap(rows, now),
                CaseViews.overdueNow(rows, now), CaseLoop.allowed(CaseService.state(c)).stream().map(CaseCommand::path).toList(),
                timeline,
                c.attachments.stream().map(a -> new Attachment(a.name(), a.contentType(), a.size(),
                        a.fileId() == null ? a.url() : Attachment.downloadPath(a.fileId()), a.fileId(), a.step())).toList(),
                suggestionIds(c.id), c.receivedAt, c.closedAt, c.version, c.address, c.lat, c.lng,
                whole ? c.possibleDuplicateOf : null, whole ? c.mergedInto : null, c.appointmentId);
    }

    private String unitName(UUID unitId) {
        UnitEntity u = unitId == null ? null : units.findById(unitId);
        return u == null ? null : u.name;
    }

    /** The suggestions the case grew into (意见转化为建议): the link read from the case's side. */
    private List<UUID> suggestionIds(UUID caseId) {
        return cases.getEntityManager().createNativeQuery("SELECT suggestion_id FROM suggestion_case WHERE case_id = ?1")
                .setParameter(1, caseId).getResultList().stream().map(UUID.class::cast).toList();
    }

    private CitizenView whole(CaseEntity c) {
        CitizenCipher.Citizen citizen = cipher.open(c);
        return new CitizenView(citizen.name(), citizen.phone());
    }

    private CitizenView masked(CaseEntity c) {
        CitizenCipher.Citizen citizen = cipher.open(c);
        return new CitizenView(Masking.name(citizen.name()), Masking.phone(citizen.phone()));
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "RECEIVED" -> "已受理";
            case "ESCALATED_TO_SUPERVISOR" -> "多次不满意,转人大督办";
            case CaseTimeline.DUPLICATE_MERGED_IN -> "重复件合并至本件";
            default -> CaseCommand.valueOf(action).label();
        };
    }
}
