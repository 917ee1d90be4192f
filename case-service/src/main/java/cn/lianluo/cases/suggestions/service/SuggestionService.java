package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.service.OverdueScan;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.suggestions.domain.CoSigning;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.domain.SuggestionLoop;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.ActionView;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionCommandBody;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionRequest;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionView;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.UnitAnswer;
import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** 意见转化为建议: a deputy's suggestion from cases, through its units, answer, grade and the deputy's rating. */
@ApplicationScoped
public class SuggestionService implements OverdueScan {

    /** @param deputyId the co-signer who confirmed, on {@code suggestion-co-signed} only (left out of the others) */
    public record SuggestionData(UUID suggestionId, String action, String actorRole, Instant at, String status,
                                 String regionCode, UUID leadDeputyId, List<String> coDeputyIds, List<UUID> caseIds,
                                 UUID leadUnitId, List<UUID> coUnitIds, boolean keySuggestion, String grade,
                                 String rating, LocalDate replyDue, LocalDate coAnswerDue, Boolean answeredOnTime,
                                 int reopenCount, @JsonInclude(JsonInclude.Include.NON_NULL) UUID deputyId) {
    }

    /** The timeline action of a co-signer's consent; its note is the deputy's id. */
    static final String CO_SIGNED = "CO_SIGNED";

    private final EntityManager em;
    private final CaseRepositories.Cases cases;
    private final UnitRepositories.Deputies deputies;
    private final UnitService units;
    private final Outbox outbox;
    private final CaseClock clock;

    public SuggestionService(EntityManager em, CaseRepositories.Cases cases, UnitRepositories.Deputies deputies,
                             UnitService units, Outbox outbox, CaseClock clock) {
        this.em = em;
        this.cases = cases;
        this.deputies = deputies;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SuggestionView submit(SuggestionRequest request, Caller caller) {
        UUID lead;
        if (caller.hasRole(Roles.DEPUTY)) {
            lead = caller.deputyId().map(UUID::fromString).orElseThrow(() -> ProblemException.forbidden("a deputy's token names the deputy"));
            if (request.leadDeputyId() != null && !request.leadDeputyId().equals(lead)) {
                throw ProblemException.forbidden("a deputy makes suggestions as themself");
            }
        } else if (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN)) {
            if (request.leadDeputyId() == null) {
                throw ProblemException.invalid("leadDeputyId", "name the deputy who makes the suggestion");
            }
            lead = request.leadDeputyId();
        } else {
            throw ProblemException.forbidden("suggestions are made by deputies");
        }
        DeputyCopyEntity deputy = activeDeputy(lead, "leadDeputyId");
        RegionCode region = RegionCode.of(deputy.regionCode);
        caller.requireWithin(region);
        List<String> co = new ArrayList<>();
        List<FieldError> strangers = new ArrayList<>();
        for (UUID id : request.coDeputyIds() == null ? List.<UUID>of() : request.coDeputyIds()) {
            if (!id.equals(lead) && !co.contains(id.toString())) {
                DeputyCopyEntity coSigner = activeDeputy(id, "coDeputyIds");
                if (!region.contains(RegionCode.of(coSigner.regionCode))) {
                    strangers.add(new FieldError("coDeputyIds", "deputy " + id + " belongs to " + coSigner.regionCode
                            + ", outside the lead deputy's region " + region));
                }
                co.add(id.toString());
            }
        }
        if (!strangers.isEmpty()) {
            throw new ProblemException(422, "co-deputy-outside-region", "Unprocessable 无法处理",
                    "联名: the co-signers of a suggestion are deputies of the lead deputy's region", strangers);
        }
        List<UUID> caseIds = request.caseIds() == null ? List.of() : request.caseIds().stream().distinct().toList();
        List<FieldError> outside = new ArrayList<>();
        for (UUID caseId : caseIds) {
            CaseEntity c = cases.findById(caseId);
            if (c == null) {
                outside.add(new FieldError("caseIds", "case " + caseId + " does not exist"));
            } else if (!region.contains(RegionCode.of(c.regionCode))) {
                outside.add(new FieldError("caseIds", "case " + caseId + " lies in " + c.regionCode + ", outside the deputy's region " + region));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(422, "case-outside-region", "Unprocessable 无法处理",
                    "a suggestion grows from cases of the deputy's own region", outside);
        }
        SuggestionEntity s = new SuggestionEntity();
        s.id = UUID.randomUUID();
        s.title = request.title().strip();
        s.content = request.content().strip();
        s.regionCode = region.value();
        s.leadDeputyId = lead;
        s.coDeputyIds = co;
        s.status = SuggestionStatus.SUBMITTED.name();
        s.submittedAt = clock.now();
        em.persist(s);
        for (UUID caseId : caseIds) {
            em.createNativeQuery("INSERT INTO suggestion_case (suggestion_id, case_id) VALUES (?1, ?2)")
                    .setParameter(1, s.id).setParameter(2, caseId).executeUpdate();
        }
        String role = role(caller);
        record(s, "SUBMITTED", role, caller.subject(), null);
        publish(s, "submitted", role);
        return view(s);
    }

    @Transactional
    public SuggestionView command(UUID id, SuggestionCommand command, SuggestionCommandBody body, Caller caller) {
        SuggestionEntity s = require(id);
        String role = authorize(s, command, caller);
        SuggestionCommandBody b = body == null ? new SuggestionCommandBody(null, null, null, null, null, null, null) : body;
        SuggestionLoop.State next;
        try {
            next = SuggestionLoop.decide(new SuggestionLoop.State(SuggestionStatus.valueOf(s.status), s.extensionPending,
                    s.extensionUsed), command, b.satisfaction());
        } catch (SuggestionLoop.Rejected r) {
            // the commands spelt as the path and allowedCommands spell them
            String allowed = r.allowed().stream().map(SuggestionCommand::path).collect(Collectors.joining(", "));
            throw new ProblemException(409, "illegal-transition", "Conflict 状态冲突", "'" + command.path()
                    + "' is not allowed when the suggestion is " + s.status + "; allowed: " + allowed,
                    List.of(new FieldError("command", "allowed: " + allowed)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("satisfaction", e.getMessage());
        }
        LocalDate today = clock.today();
        switch (command) {
            case ASSIGN -> {
                UnitEntity leadUnit = units.require(require(b.leadUnitId(), "leadUnitId"), "leadUnitId");
                List<UnitEntity> coUnits = new ArrayList<>();
                for (UUID co : b.coUnitIds() == null ? List.<UUID>of() : b.coUnitIds().stream().distinct().toList()) {
                    if (!co.equals(leadUnit.id)) {
                        coUnits.add(units.require(co, "coUnitIds"));
                    }
                }
                requireAnswerable(s, leadUnit, coUnits);
                s.leadUnitId = leadUnit.id;
                em.createNativeQuery("INSERT INTO suggestion_unit (suggestion_id, unit_id) VALUES (?1, ?2)")
                        .setParameter(1, s.id).setParameter(2, leadUnit.id).executeUpdate();
                for (UnitEntity co : coUnits) {
                    em.createNativeQuery("INSERT INTO suggestion_unit (suggestion_id, unit_id) VALUES (?1, ?2)")
                            .setParameter(1, s.id).setParameter(2, co.id).executeUpdate();
                }
                s.assignedOn = today;
                s.replyDue = SuggestionLoop.replyDue(today);
                s.coAnswerDue = SuggestionLoop.coAnswerDue(today);
            }
            case CO_ANSWER -> {
                UUID unit = caller.unitId().map(UUID::fromString).orElseThrow();
                em.createNativeQuery("UPDATE suggestion_unit SET answer = ?3, answered_on = ?4 WHERE suggestion_id = ?1 AND unit_id = ?2")
                        .setParameter(1, s.id).setParameter(2, unit).setParameter(3, required(b.content(), "content"))
                        .setParameter(4, today).executeUpdate();
            }
            case ANSWER -> {
                if (b.grade() == null) {
                    throw ProblemException.invalid("grade", "an answer is graded A, B, C or D");
                }
                s.answer = required(b.content(), "content");
                s.grade = b.grade().name();
                s.answeredOn = today;
                s.answeredOnTime = !today.isAfter(s.replyDue);
                em.createNativeQuery("UPDATE suggestion_unit SET answer = ?3, answered_on = ?4 WHERE suggestion_id = ?1 AND unit_id = ?2")
                        .setParameter(1, s.id).setParameter(2, s.leadUnitId).setParameter(3, s.answer).setParameter(4, today).executeUpdate();
            }
            case RATE -> {
                if (b.satisfaction() == null) {
                    throw ProblemException.invalid("satisfaction", "the deputy's satisfaction");
                }
                s.rating = b.satisfaction().name();
                if (next.status() == SuggestionStatus.CLOSED) {
                    s.closedAt = clock.now();
                } else {
                    s.reopenCount++;
                    s.answer = null;
                    s.grade = null;
                    s.answeredOn = null;
                    s.replyDue = SuggestionLoop.replyDue(today);
                }
            }
            case REQUEST_EXTENSION -> {
                if (b.months() == null) {
                    throw ProblemException.invalid("months", "1 to 3 months");
                }
                if (today.isAfter(s.replyDue)) {
                    throw ProblemException.unprocessable("extension-too-late", "months",
                            "an extension is asked before the reply is due (" + s.replyDue + ")");
                }
                s.extensionMonths = b.months();
            }
            case APPROVE_EXTENSION -> s.replyDue = SuggestionLoop.extended(s.replyDue, s.extensionMonths, s.replyDue);
            case SUPERVISE -> required(b.note(), "note");
            case MARK_KEY -> s.keySuggestion = true;
        }
        s.status = next.status().name();
        s.extensionPending = next.extensionPending();
        s.extensionUsed = next.extensionUsed();
        record(s, command.name(), role, caller.subject(), firstNonBlank(b.note(), b.content()));
        publish(s, SuggestionLoop.event(command, next), role);
        return view(s);
    }

    /**
     * 联名确认: a deputy named as a co-signer confirms the suggestion themself, once; only then is it theirs too
     * ({@code suggestion-co-signed}, which scores it).
     */
    @Transactional
    public SuggestionView confirmCoSigning(UUID id, Caller caller) {
        UUID deputy = caller.deputyId().map(UUID::fromString).orElseThrow(() ->
                ProblemException.forbidden("a co-signer confirms as themself: the token names no deputy (deputyId)"));
        // the row lock makes two confirmations of one suggestion wait for each other: each co-signer is counted once
        SuggestionEntity s = em.find(SuggestionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("suggestion", id);
        }
        caller.requireWithin(RegionCode.of(s.regionCode));
        // consent belongs to the suggestion while it runs: a year-old closed one, or a deputy no longer in office,
        // would otherwise earn a co-signer's points in another year
        if (SuggestionStatus.valueOf(s.status) == SuggestionStatus.CLOSED) {
            throw ProblemException.conflict("suggestion-closed", "a closed suggestion takes no more co-signers");
        }
        CoSigning.refusal(deputy, s.coDeputyIds, coSigned(s.id)).ifPresent(r -> {
            throw ProblemException.conflict(r == CoSigning.Refusal.NOT_NAMED ? "not-a-co-signer" : "already-co-signed", r.reason());
        });
        activeDeputy(deputy, "deputyId");
        record(s, CO_SIGNED, Roles.DEPUTY, caller.subject(), deputy.toString());
        publish(s, "co-signed", Roles.DEPUTY, deputy);
        return view(s);
    }

    @Transactional
    public SuggestionView get(UUID id, Caller caller) {
        SuggestionEntity s = require(id);
        caller.requireWithin(RegionCode.of(s.regionCode));
        return view(s);
    }

    @Transactional
    public Page<SuggestionView> list(RegionCode region, UUID deputy, int page, int size) {
        String where = "region_code LIKE ?1" + (deputy == null ? "" : " AND (lead_deputy_id = ?2 OR co_deputy_ids @> CAST(?3 AS jsonb))");
        var ids = em.createNativeQuery("SELECT id FROM suggestion WHERE " + where + " ORDER BY submitted_at DESC", UUID.class)
                .setParameter(1, region.likePattern());
        var count = em.createNativeQuery("SELECT count(*) FROM suggestion WHERE " + where).setParameter(1, region.likePattern());
        if (deputy != null) {
            ids.setParameter(2, deputy).setParameter(3, "[\"" + deputy + "\"]");
            count.setParameter(2, deputy).setParameter(3, "[\"" + deputy + "\"]");
        }
        @SuppressWarnings("unchecked")
        List<UUID> page0 = ids.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(page0.stream().map(this::require).map(this::view).toList(),
                ((Number) count.getSingleResult()).longValue(), page, size);
    }

    /** Fires {@code suggestion-overdue} once for each suggestion whose reply is late. */
    @Override
    public int scanOverdue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("SELECT id FROM suggestion WHERE status = 'ASSIGNED' AND reply_due < ?1 "
                    + "AND overdue_fired_at IS NULL ORDER BY reply_due LIMIT 500 FOR UPDATE SKIP LOCKED", UUID.class)
                    .setParameter(1, clock.today()).getResultList();
            for (UUID id : ids) {
                SuggestionEntity s = em.find(SuggestionEntity.class, id);
                s.overdueFiredAt = clock.now();
                publish(s, "overdue", "SYSTEM");
            }
            return ids.size();
        });
    }

    private String authorize(SuggestionEntity s, SuggestionCommand command, Caller caller) {
        RegionCode region = RegionCode.of(s.regionCode);
        // write access is never wider than read access (get): whoever acts on a suggestion can read it
        caller.requireWithin(region);
        boolean office = (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN)) && caller.covers(region);
        switch (command) {
            case ASSIGN, APPROVE_EXTENSION, SUPERVISE, MARK_KEY -> {
                if (office) {
                    return role(caller);
                }
            }
            case ANSWER, REQUEST_EXTENSION -> {
                if (caller.hasRole(Roles.HANDLER) && s.leadUnitId != null
                        && caller.unitId().map(s.leadUnitId.toString()::equals).orElse(false)) {
                    return Roles.HANDLER;
                }
            }
            case CO_ANSWER -> {
                if (caller.hasRole(Roles.HANDLER) && caller.unitId().isPresent() && isCoUnit(s, UUID.fromString(caller.unitId().get()))) {
                    return Roles.HANDLER;
                }
            }
            case RATE -> {
                if (caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(s.leadDeputyId.toString()::equals).orElse(false)) {
                    return Roles.DEPUTY;
                }
            }
        }
        throw ProblemException.forbidden("your role or unit does not " + command.path() + " this suggestion");
    }

    /** The units of a suggestion lie at its region or above it (their region contains its region), never elsewhere. */
    private static void requireAnswerable(SuggestionEntity s, UnitEntity leadUnit, List<UnitEntity> coUnits) {
        RegionCode region = RegionCode.of(s.regionCode);
        List<FieldError> outside = new ArrayList<>();
        if (!RegionCode.of(leadUnit.regionCode).contains(region)) {
            outside.add(new FieldError("leadUnitId", unitOutside(leadUnit, region)));
        }
        for (UnitEntity co : coUnits) {
            if (!RegionCode.of(co.regionCode).contains(region)) {
                outside.add(new FieldError("coUnitIds", unitOutside(co, region)));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(422, "unit-outside-region", "Unprocessable 无法处理",
                    "a suggestion is handled by units of its region or above it", outside);
        }
    }

    private static String unitOutside(UnitEntity unit, RegionCode region) {
        return "unit " + unit.id + " " + unit.name + " (" + unit.regionCode + ") does not answer for region " + region;
    }

    private boolean isCoUnit(SuggestionEntity s, UUID unit) {
        return !unit.equals(s.leadUnitId) && !em.createNativeQuery(
                "SELECT 1 FROM suggestion_unit WHERE suggestion_id = ?1 AND unit_id = ?2").setParameter(1, s.id)
                .setParameter(2, unit).getResultList().isEmpty();
    }

    private DeputyCopyEntity activeDeputy(UUID id, String field) {
        DeputyCopyEntity d = deputies.findById(id);
        if (d == null || !d.active) {
            throw ProblemException.unprocessable("unknown-deputy", field, "deputy " + id + " is not an active deputy");
        }
        return d;
    }

    private SuggestionEntity require(UUID id) {
        SuggestionEntity s = em.find(SuggestionEntity.class, id);
        if (s == null) {
            throw ProblemException.notFound("suggestion", id);
        }
        return s;
    }

    private static UUID require(UUID value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "required");
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "required");
        }
        return value.strip();
    }

    private void record(SuggestionEntity s, String action, String role, String actor, String note) {
        em.createNativeQuery("INSERT INTO suggestion_action (id, suggestion_id, action, actor_role, actor, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, s.id).setParameter(3, action).setParameter(4, role)
                .setParameter(5, actor).setParameter(6, clock.now()).setParameter(7, note).executeUpdate();
    }

    private void publish(SuggestionEntity s, String action, String role) {
        publish(s, action, role, null);
    }

    private void publish(SuggestionEntity s, String action, String role, UUID coSigner) {
        String type = "suggestion-" + action;
        em.flush();
        outbox.add("lianluo.case." + type + ".v1", s.id.toString(), RegionCode.of(s.regionCode),
                new SuggestionData(s.id, type, role, clock.now(), s.status, s.regionCode, s.leadDeputyId, s.coDeputyIds,
                        caseIds(s.id), s.leadUnitId, coUnits(s), s.keySuggestion, s.grade, s.rating, s.replyDue,
                        s.coAnswerDue, s.answeredOnTime, s.reopenCount, coSigner));
    }

    /** The co-signers who have confirmed, in the order they did. */
    private List<String> coSigned(UUID id) {
        return em.createNativeQuery("SELECT note FROM suggestion_action WHERE suggestion_id = ?1 AND action = ?2 ORDER BY at",
                String.class).setParameter(1, id).setParameter(2, CO_SIGNED).getResultList().stream().map(String.class::cast).toList();
    }

    private List<UUID> caseIds(UUID id) {
        return em.createNativeQuery("SELECT case_id FROM suggestion_case WHERE suggestion_id = ?1 ORDER BY case_id", UUID.class)
                .setParameter(1, id).getResultList().stream().map(UUID.class::cast).toList();
    }

    private List<UUID> coUnits(SuggestionEntity s) {
        return em.createNativeQuery("SELECT unit_id FROM suggestion_unit WHERE suggestion_id = ?1 ORDER BY unit_id", UUID.class)
                .setParameter(1, s.id).getResultList().stream().map(UUID.class::cast).filter(u -> !u.equals(s.leadUnitId)).toList();
    }

    private SuggestionView view(SuggestionEntity s) {
        @SuppressWarnings("unchecked")
        List<Object[]> unitRows = em.createNativeQuery("SELECT su.unit_id, u.name, su.answer, su.answered_on FROM suggestion_unit su "
                + "JOIN unit u ON u.id = su.unit_id WHERE su.suggestion_id = ?1 ORDER BY u.name").setParameter(1, s.id).getResultList();
        List<UnitAnswer> unitViews = unitRows.stream().map(r -> new UnitAnswer((UUID) r[0], (String) r[1],
                r[0].equals(s.leadUnitId), (String) r[2], r[3] == null ? null : r[3] instanceof LocalDate d ? d : ((java.sql.Date) r[3]).toLocalDate())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> actions = em.createNativeQuery("SELECT action, actor_role, at, note FROM suggestion_action WHERE suggestion_id = ?1 ORDER BY at")
                .setParameter(1, s.id).getResultList();
        SuggestionStatus status = SuggestionStatus.valueOf(s.status);
        Grade grade = s.grade == null ? null : Grade.valueOf(s.grade);
        return new SuggestionView(s.id, s.title, s.content, s.regionCode, s.leadDeputyId, s.coDeputyIds, coSigned(s.id), caseIds(s.id), status,
                status.label(), s.keySuggestion, s.leadUnitId, unitViews, s.assignedOn, s.replyDue, s.coAnswerDue,
                status == SuggestionStatus.ASSIGNED && s.replyDue != null && clock.today().isAfter(s.replyDue),
                grade, grade == null ? null : grade.label(), s.answeredOn, s.answeredOnTime,
                s.rating == null ? null : Satisfaction.valueOf(s.rating), s.reopenCount,
                SuggestionLoop.allowed(new SuggestionLoop.State(status, s.extensionPending, s.extensionUsed)).stream()
                        .map(SuggestionCommand::path).toList(),
                actions.stream().map(a -> new ActionView((String) a[0], label((String) a[0]), (String) a[1],
                        a[2] instanceof Instant i ? i : ((java.sql.Timestamp) a[2]).toInstant(), (String) a[3])).toList(),
                s.submittedAt, s.closedAt);
    }

    private static String label(String action) {
        return switch (action) {
            case "SUBMITTED" -> "提出建议";
            case CO_SIGNED -> "确认联名";
            default -> SuggestionCommand.valueOf(action).label();
        };
    }

    private static String role(Caller caller) {
        return caller.primaryRole();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
