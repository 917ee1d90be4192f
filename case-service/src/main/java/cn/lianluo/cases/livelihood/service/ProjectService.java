package cn.lianluo.cases.livelihood.service;

import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.service.FileService;
import cn.lianluo.cases.livelihood.domain.EvaluationSource;
import cn.lianluo.cases.livelihood.domain.ProjectBudget;
import cn.lianluo.cases.livelihood.domain.ProjectLoop;
import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.livelihood.domain.SupervisionKind;
import cn.lianluo.cases.livelihood.domain.VoteRules;
import cn.lianluo.cases.livelihood.persistence.ProjectEntity;
import cn.lianluo.cases.livelihood.persistence.VoteSessionEntity;
import cn.lianluo.cases.livelihood.service.ProjectDtos.BudgetView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Evaluation;
import cn.lianluo.cases.livelihood.service.ProjectDtos.EvaluationFigures;
import cn.lianluo.cases.livelihood.service.ProjectDtos.EvaluationSources;
import cn.lianluo.cases.livelihood.service.ProjectDtos.EvaluationView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Implementation;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Milestone;
import cn.lianluo.cases.livelihood.service.ProjectDtos.MilestoneDone;
import cn.lianluo.cases.livelihood.service.ProjectDtos.MilestoneView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.PhotoView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Progress;
import cn.lianluo.cases.livelihood.service.ProjectDtos.ProjectRequest;
import cn.lianluo.cases.livelihood.service.ProjectDtos.ProjectView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.RecordView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Shortlist;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Spending;
import cn.lianluo.cases.livelihood.service.ProjectDtos.SpendingView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Supervision;
import cn.lianluo.cases.livelihood.service.ProjectDtos.SupervisionCounts;
import cn.lianluo.cases.livelihood.service.ProjectDtos.TallyView;
import cn.lianluo.cases.livelihood.service.ProjectDtos.Vote;
import cn.lianluo.cases.moderation.domain.ModeratedKind;
import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.cases.moderation.service.ModerationService;
import cn.lianluo.cases.shared.Consent;
import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** 民生实事项目票决制: 群众点题 → 代表选题 (票决) → 政府解题 → 全过程监督 → 群众评效果. */
@ApplicationScoped
public class ProjectService {

    private final EntityManager em;
    private final CaseRepositories.Cases cases;
    private final UnitRepositories.Deputies deputies;
    private final Outbox outbox;
    private final CaseClock clock;

    private final cn.lianluo.cases.cases.service.CitizenCipher cipher;
    private final ModerationService moderation;
    private final UnitService units;
    private final FileService files;

    public ProjectService(EntityManager em, CaseRepositories.Cases cases, UnitRepositories.Deputies deputies, Outbox outbox,
                          CaseClock clock, cn.lianluo.cases.cases.service.CitizenCipher cipher, ModerationService moderation,
                          UnitService units, FileService files) {
        this.units = units;
        this.files = files;
        this.cipher = cipher;
        this.moderation = moderation;
        this.em = em;
        this.cases = cases;
        this.deputies = deputies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** 群众点题: public with the citizen's name and phone, or by staff and deputies from cases. */
    @Transactional
    public ProjectView propose(ProjectRequest request, Caller caller) {
        RegionCode region = RegionCodes.field("regionCode", request.regionCode());
        boolean staff = caller != null && caller.isAuthenticated();
        if (staff) {
            caller.requireWithin(region);
        } else if (request.citizen() == null) {
            throw ProblemException.invalid("citizen", "a citizen's proposal gives a name and phone");
        }
        List<UUID> caseIds = request.caseIds() == null ? List.of() : request.caseIds().stream().distinct().toList();
        for (UUID id : caseIds) {
            var c = cases.findById(id);
            if (c == null || !region.contains(RegionCode.of(c.regionCode))) {
                throw ProblemException.unprocessable("case-outside-region", "caseIds", "case " + id + " is not a case of " + region);
            }
        }
        ProjectEntity p = new ProjectEntity();
        p.id = UUID.randomUUID();
        p.regionCode = region.value();
        p.year = request.year();
        p.title = request.title().strip();
        p.description = request.description().strip();
        p.source = !caseIds.isEmpty() ? "CASES" : staff ? "DEPUTY_OR_STAFF" : "CITIZEN";
        if (request.citizen() != null) {
            // sealed at rest like a case's citizen (PIPL)
            p.proposerName = cipher.seal(request.citizen().name().strip(), "proposer_name");
            p.proposerPhone = cipher.seal(request.citizen().phone().strip(), "proposer_phone");
            p.consent = Consent.given(request.citizen().consentedNotice(), clock.now());
        }
        ProjectLoop.Step step = ProjectLoop.propose();
        p.status = step.next().name();
        p.proposedAt = clock.now();
        // public only once approved: a citizen's text with a link or a number waits for staff
        ModerationService.Screening screening = moderation.screen(staff ? role(caller) : null, p.title, p.description);
        p.moderation = screening.state().name();
        em.persist(p);
        for (UUID id : caseIds) {
            em.createNativeQuery("INSERT INTO project_case (project_id, case_id) VALUES (?1, ?2)").setParameter(1, p.id)
                    .setParameter(2, id).executeUpdate();
        }
        publish(p, step.event(), staff ? role(caller) : "CITIZEN", null, null);
        moderation.arrived(ModeratedKind.PROJECT, p.id, p.id, region, screening);
        return view(p);
    }

    /** The office shortlists a proposal into the vote of its region, year and level (opened with the first one). */
    @Transactional
    public ProjectView shortlist(UUID id, Shortlist s, Caller caller) {
        ProjectEntity p = require(id);
        caller.requireWithin(RegionCode.of(p.regionCode));
        if (!s.closesAt().isAfter(s.opensAt())) {
            throw ProblemException.invalid("closesAt", "the vote closes after it opens");
        }
        ProjectLoop.Step step = ProjectLoop.shortlist(ProjectStatus.valueOf(p.status), ModerationState.valueOf(p.moderation));
        VoteSessionEntity session = em.createQuery("from VoteSessionEntity where regionCode = ?1 and year = ?2 and level = ?3",
                        VoteSessionEntity.class).setParameter(1, p.regionCode).setParameter(2, p.year).setParameter(3, s.level().name())
                .getResultStream().findFirst().orElse(null);
        if (session == null) {
            session = new VoteSessionEntity();
            session.id = UUID.randomUUID();
            session.regionCode = p.regionCode;
            session.year = p.year;
            session.level = s.level().name();
            session.places = s.places();
            session.quorumNumerator = 2;
            session.quorumDenominator = 3;
            session.opensAt = s.opensAt();
            session.closesAt = s.closesAt();
            session.electorate = electorate(session);
            if (session.electorate == 0) {
                throw ProblemException.unprocessable("no-electorate", "level", "no active " + s.level() + " deputies in " + p.regionCode);
            }
            em.persist(session);
        } else if (session.talliedAt != null || ((Number) em.createNativeQuery("SELECT count(*) FROM project_vote v "
                + "JOIN livelihood_project q ON q.id = v.project_id WHERE q.session_id = ?1").setParameter(1, session.id)
                .getSingleResult()).longValue() > 0) {
            throw ProblemException.conflict("vote-open", "the vote of " + p.regionCode + " " + p.year
                    + " has begun; no more candidates");
        }
        p.sessionId = session.id;
        p.status = step.next().name();
        publish(p, step.event(), role(caller), null, null);
        return view(p);
    }

    /** 代表选题: one vote per deputy of the session's level and region, while the vote is open. */
    @Transactional
    public ProjectView vote(UUID id, Vote vote, Caller caller) {
        ProjectEntity p = require(id);
        UUID deputyId = caller.deputyId().map(UUID::fromString).orElseThrow(() -> ProblemException.forbidden("votes are cast by deputies"));
        VoteSessionEntity session = session(p);
        DeputyCopyEntity deputy = deputies.findById(deputyId);
        if (deputy == null || !deputy.active || !deputy.levels.contains(session.level)
                || !RegionCode.of(session.regionCode).contains(RegionCode.of(deputy.regionCode))) {
            throw ProblemException.forbidden("only " + session.level + " deputies of " + session.regionCode + " vote on this project");
        }
        Instant now = clock.now();
        if (now.isBefore(session.opensAt) || !now.isBefore(session.closesAt) || session.talliedAt != null) {
            throw ProblemException.conflict("vote-closed", "the vote is open from " + session.opensAt + " until " + session.closesAt);
        }
        int inserted = em.createNativeQuery("INSERT INTO project_vote (project_id, deputy_id, choice, cast_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT DO NOTHING").setParameter(1, p.id).setParameter(2, deputyId).setParameter(3, vote.choice().name())
                .setParameter(4, now).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("already-voted", "deputy " + deputyId + " has voted on this project");
        }
        ProjectLoop.Step step = ProjectLoop.voteCast();
        p.status = step.next().name();
        publish(p, step.event(), Roles.DEPUTY, deputyId, vote.choice().name());
        return view(p);
    }

    /** Counts the whole vote of the project's session by the region's rule. */
    @Transactional
    public TallyView tally(UUID id, Caller caller) {
        ProjectEntity any = require(id);
        caller.requireWithin(RegionCode.of(any.regionCode));
        VoteSessionEntity session = session(any);
        if (session.talliedAt != null) {
            throw ProblemException.conflict("already-tallied", "this vote was tallied at " + session.talliedAt);
        }
        List<ProjectEntity> candidates = em.createQuery("from ProjectEntity where sessionId = ?1 order by title", ProjectEntity.class)
                .setParameter(1, session.id).getResultList();
        VoteRules rules = new VoteRules(session.places, session.quorumNumerator, session.quorumDenominator);
        if (!rules.contested(candidates.size())) {
            throw ProblemException.conflict("not-contested", "差额: " + candidates.size() + " candidates for " + session.places
                    + " places; a vote needs more candidates than places");
        }
        Object[] cast = (Object[]) em.createNativeQuery("SELECT count(DISTINCT v.deputy_id), count(*) FROM project_vote v "
                + "JOIN livelihood_project p ON p.id = v.project_id WHERE p.session_id = ?1").setParameter(1, session.id)
                .getSingleResult();
        int voters = ((Number) cast[0]).intValue();
        long votesCast = ((Number) cast[1]).longValue();
        if (!VoteRules.mayTally(clock.now(), session.closesAt, session.electorate, candidates.size(), votesCast)) {
            throw ProblemException.conflict("vote-still-open", "the vote is open until " + session.closesAt
                    + ": it is counted once it closes, or earlier when all " + session.electorate
                    + " deputies have voted on every project (" + votesCast + " of "
                    + (long) session.electorate * candidates.size() + " votes cast)");
        }
        List<VoteRules.Count> counts = new ArrayList<>();
        for (ProjectEntity c : candidates) {
            Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE choice = 'FOR'), "
                    + "count(*) FILTER (WHERE choice = 'AGAINST'), count(*) FILTER (WHERE choice = 'ABSTAIN') "
                    + "FROM project_vote WHERE project_id = ?1").setParameter(1, c.id).getSingleResult();
            c.votesFor = ((Number) row[0]).intValue();
            c.votesAgainst = ((Number) row[1]).intValue();
            c.votesAbstain = ((Number) row[2]).intValue();
            counts.add(new VoteRules.Count(c.id, c.votesFor, c.votesAgainst, c.votesAbstain));
        }
        VoteRules.Tally tally;
        try {
            tally = rules.tally(session.electorate, voters, counts);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("quorum-not-reached", e.getMessage());
        }
        session.talliedAt = clock.now();
        for (ProjectEntity c : candidates) {
            ProjectLoop.Step step = ProjectLoop.tallied(tally.outcomes().get(c.id));
            c.status = step.next().name();
            publish(c, step.event(), role(caller), null, null);
        }
        return new TallyView(session.id, tally.electorate(), tally.voters(), tally.quorum(), tally.majority(), session.places,
                candidates.stream().map(this::view).toList());
    }

    /** 政府解题: progress (backwards only with a reason); 100 % completes the project. */
    @Transactional
    public ProjectView progress(UUID id, Progress progress, Caller caller) {
        ProjectEntity p = require(id);
        caller.requireWithin(RegionCode.of(p.regionCode));
        ProjectLoop.Step step = ProjectLoop.progress(ProjectStatus.valueOf(p.status), p.progress, progress.percent(),
                progress.reason());
        p.progress = progress.percent();
        p.status = step.next().name();
        if (step.next() == ProjectStatus.COMPLETED) {
            p.completedAt = clock.now();
        }
        record(p, "PROGRESS", null, progress.percent(), progress.milestone(),
                progress.reason() == null ? progress.note() : progress.reason(), null, caller.subject());
        publish(p, step.event(), role(caller), null, null);
        return view(p);
    }

    /** 全过程监督 (三督): a deputy of the region records their supervision of its progress, quality or funds. */
    @Transactional
    public ProjectView supervise(UUID id, Supervision supervision, Caller caller) {
        ProjectEntity p = require(id);
        UUID deputyId = caller.deputyId().map(UUID::fromString).orElseThrow(() -> ProblemException.forbidden("supervision records are a deputy's"));
        caller.requireWithin(RegionCode.of(p.regionCode));
        ProjectLoop.Step step = ProjectLoop.supervise(ProjectStatus.valueOf(p.status));
        record(p, "SUPERVISION", supervision.kind(), null, null, supervision.note(), deputyId, caller.subject());
        publish(p, step.event(), Roles.DEPUTY, deputyId, null, supervision.kind());
        return view(p);
    }

    /**
     * 三评 of a completed project, its source taken from who posts: a DEPUTY's token is 代表评 (once per deputy); a
     * phone is 群众评 (once per phone, also when staff enter it for a citizen); the token of staff or a handling unit
     * in the project's scope without a phone is 部门自评 — the unit's own, once per project.
     */
    @Transactional
    public ProjectView evaluate(UUID id, Evaluation evaluation, Caller caller) {
        ProjectEntity p = requireVisible(id, caller);
        boolean signedIn = caller != null && caller.isAuthenticated();
        UUID deputyId = null;
        String phone = null;
        String actor = null;
        EvaluationSource source;
        String role;
        if (signedIn && caller.hasRole(Roles.DEPUTY)) {
            deputyId = caller.deputyId().map(UUID::fromString).orElseThrow();
            source = EvaluationSource.DEPUTY;
            role = Roles.DEPUTY;
        } else if (evaluation.phone() != null) {
            phone = cipher.phoneHash(evaluation.phone().strip()); // once per phone, compared by its keyed hash
            source = EvaluationSource.CITIZEN;
            role = "CITIZEN";
        } else if (signedIn && UNIT_ROLES.stream().anyMatch(caller::hasRole)) {
            caller.requireWithin(RegionCode.of(p.regionCode));
            actor = caller.subject();
            source = EvaluationSource.UNIT;
            role = role(caller);
        } else {
            throw ProblemException.invalid("phone", "a citizen's evaluation gives their phone (once per phone)");
        }
        ProjectLoop.Step step = ProjectLoop.evaluate(ProjectStatus.valueOf(p.status), source);
        // the rating counts at once; the comment is shown to the public once approved
        String comment = evaluation.comment() == null || evaluation.comment().isBlank() ? null : evaluation.comment().strip();
        ModerationService.Screening screening = comment == null ? null
                : moderation.screen(source == EvaluationSource.CITIZEN ? null : role, comment);
        UUID evaluationId = UUID.randomUUID();
        // ON CONFLICT covers each rule of once: per deputy, per phone, and one self-evaluation per project
        int inserted = em.createNativeQuery("INSERT INTO project_evaluation (id, project_id, by_deputy, by_phone, satisfaction, comment, "
                        + "at, moderation, source, by_actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING")
                .setParameter(1, evaluationId).setParameter(2, p.id).setParameter(3, deputyId).setParameter(4, phone)
                .setParameter(5, evaluation.satisfaction().name()).setParameter(6, comment).setParameter(7, clock.now())
                .setParameter(8, (screening == null ? ModerationState.APPROVED : screening.state()).name())
                .setParameter(9, source.name()).setParameter(10, actor).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("already-evaluated", source == EvaluationSource.UNIT
                    ? "this project has its unit's self-evaluation (部门自评) already" : "this project has your evaluation already");
        }
        p.status = step.next().name();
        publish(p, step.event(), role, deputyId, evaluation.satisfaction().name());
        if (screening != null) {
            moderation.arrived(ModeratedKind.EVALUATION, evaluationId, p.id, RegionCode.of(p.regionCode), screening);
        }
        return view(p);
    }

    /**
     * 政府解题's plan, by staff of the project's region: the responsible unit (承办单位, one that answers for the region,
     * at it, above it or inside it) and the budget (预算), set again as often as they change.
     */
    @Transactional
    public ProjectView implementation(UUID id, Implementation plan, Caller caller) {
        ProjectEntity p = require(id);
        RegionCode region = RegionCode.of(p.regionCode);
        caller.requireWithin(region);
        ProjectLoop.requireCarriedOut(ProjectStatus.valueOf(p.status));
        UnitEntity unit = units.require(plan.unitId(), "unitId");
        RegionCode unitRegion = RegionCode.of(unit.regionCode);
        if (!unitRegion.contains(region) && !region.contains(unitRegion)) {
            throw ProblemException.unprocessable("unit-outside-region", "unitId",
                    unit.name + " (" + unit.regionCode + ") does not answer for region " + region);
        }
        p.unitId = unit.id;
        p.budgetFen = plan.budgetFen();
        return view(p);
    }

    /** A milestone (节点) planned by staff of the project's region. */
    @Transactional
    public ProjectView planMilestone(UUID id, Milestone milestone, Caller caller) {
        ProjectEntity p = require(id);
        caller.requireWithin(RegionCode.of(p.regionCode));
        ProjectLoop.requireCarriedOut(ProjectStatus.valueOf(p.status));
        em.createNativeQuery("INSERT INTO project_milestone (id, project_id, title, planned_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, p.id).setParameter(3, milestone.title().strip())
                .setParameter(4, milestone.plannedOn()).setParameter(5, clock.now()).executeUpdate();
        return view(p);
    }

    /** 支出: the responsible unit (or staff of the region for it) records a payment; beyond the budget it is flagged. */
    @Transactional
    public ProjectView recordSpending(UUID id, Spending spending, Caller caller) {
        ProjectEntity p = require(id);
        requireForTheUnit(p, caller);
        ProjectLoop.Step step = ProjectLoop.recordSpending(ProjectStatus.valueOf(p.status));
        String note = spending.note() == null || spending.note().isBlank() ? null : spending.note().strip();
        em.createNativeQuery("INSERT INTO project_spending (id, project_id, amount_fen, spent_on, note, actor, at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, UUID.randomUUID()).setParameter(2, p.id)
                .setParameter(3, spending.amountFen()).setParameter(4, spending.spentOn()).setParameter(5, note)
                .setParameter(6, caller.subject()).setParameter(7, clock.now()).executeUpdate();
        publish(p, step.event(), role(caller), null, null, null, new Detail(null, null, spending.amountFen()));
        return view(p);
    }

    /** A milestone reached, with its photos, by the responsible unit (or staff of the region for it); once. */
    @Transactional
    public ProjectView reachMilestone(UUID id, UUID milestoneId, MilestoneDone done, Caller caller) {
        ProjectEntity p = require(id);
        requireForTheUnit(p, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT title, done_on FROM project_milestone WHERE id = ?1 AND project_id = ?2 "
                + "FOR UPDATE").setParameter(1, milestoneId).setParameter(2, p.id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("milestone of this project", milestoneId);
        }
        ProjectLoop.Step step = ProjectLoop.reachMilestone(ProjectStatus.valueOf(p.status), found.get(0)[1] != null);
        String note = done.note() == null || done.note().isBlank() ? null : done.note().strip();
        em.createNativeQuery("UPDATE project_milestone SET done_on = ?1, done_note = ?2, done_by = ?3 WHERE id = ?4")
                .setParameter(1, done.doneOn()).setParameter(2, note).setParameter(3, caller.subject()).setParameter(4, milestoneId)
                .executeUpdate();
        // a photo named twice is refused at its second place, as one already taken
        files.attachToMilestone(milestoneId, i -> "photoIds[" + i + "]", done.photoIds() == null ? List.of() : done.photoIds(),
                caller.subject());
        publish(p, step.event(), role(caller), null, null, null, new Detail(milestoneId, (String) found.get(0)[0], null));
        return view(p);
    }

    /**
     * The responsible unit's work (支出, 节点): a HANDLER of that very unit, or staff of the project's region entering it
     * for the unit; a handler of another unit, or of a project with no unit yet, is refused.
     */
    private static void requireForTheUnit(ProjectEntity p, Caller caller) {
        if (STAFF_ROLES.stream().anyMatch(caller::hasRole)) {
            caller.requireWithin(RegionCode.of(p.regionCode));
            return;
        }
        String unitId = caller.unitId().orElse(null);
        if (!caller.hasRole(Roles.HANDLER) || p.unitId == null || !p.unitId.toString().equals(unitId)) {
            throw ProblemException.forbidden(p.unitId == null ? "this project has no responsible unit yet"
                    : "only the project's responsible unit records its spending and milestones");
        }
    }

    private static final List<String> STAFF_ROLES = List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF);

    /** The unit of a HANDLER who is not staff as well, whose listing is its unit's projects; null for anyone else. */
    private static UUID ownUnit(Caller caller) {
        if (!caller.hasRole(Roles.HANDLER) || STAFF_ROLES.stream().anyMatch(caller::hasRole)) {
            return null;
        }
        String unit = caller.unitId().orElse(null);
        try {
            return unit == null ? null : UUID.fromString(unit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("the token's unitId is not the id of a unit");
        }
    }

    /** What a spending or milestone event adds to the project's data. */
    private record Detail(UUID milestoneId, String milestoneTitle, Long amountFen) {
    }

    /** A project not approved in moderation is, for anyone but staff in scope, a project that does not exist. */
    @Transactional
    public ProjectView get(UUID id, Caller caller) {
        return view(requireVisible(id, caller));
    }

    /**
     * The public sees approved projects; staff see every project of their scope besides, with its moderation state; a
     * HANDLER (承办单位) of a unit, only the projects its unit carries out (its work, whatever their moderation).
     */
    @Transactional
    public Page<ProjectView> list(RegionCode region, Integer year, int page, int size, Caller caller) {
        RegionCode moderated = ModerationService.moderatorScope(caller);
        UUID unit = ownUnit(caller);
        String visible = unit != null ? " and unitId = :unit"
                : moderated == null ? " and moderation = 'APPROVED'" : " and (moderation = 'APPROVED' or regionCode like :scope)";
        String where = "regionCode like :region" + (year == null ? "" : " and year = :year") + visible;
        var query = em.createQuery("from ProjectEntity where " + where + " order by year desc, title", ProjectEntity.class)
                .setParameter("region", region.likePattern());
        var count = em.createQuery("select count(p) from ProjectEntity p where " + where, Long.class)
                .setParameter("region", region.likePattern());
        if (year != null) {
            query.setParameter("year", year);
            count.setParameter("year", year);
        }
        if (unit == null && moderated != null) {
            query.setParameter("scope", moderated.likePattern());
            count.setParameter("scope", moderated.likePattern());
        }
        if (unit != null) {
            query.setParameter("unit", unit);
            count.setParameter("unit", unit);
        }
        return new Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(this::view).toList(),
                count.getSingleResult(), page, size);
    }

    /** The evaluations of a project, newest first: a comment is shown once approved, to staff in scope always. */
    @Transactional
    public Page<EvaluationView> evaluations(UUID id, int page, int size, Caller caller) {
        ProjectEntity p = requireVisible(id, caller);
        boolean staff = ModerationService.seesUnapproved(caller, RegionCode.of(p.regionCode));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, source, satisfaction, comment, moderation, at "
                        + "FROM project_evaluation WHERE project_id = ?1 ORDER BY at DESC, id").setParameter(1, p.id)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM project_evaluation WHERE project_id = ?1")
                .setParameter(1, p.id).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> {
            ModerationState state = ModerationState.valueOf((String) r[4]);
            String comment = staff || state == ModerationState.APPROVED ? (String) r[3] : null;
            EvaluationSource by = EvaluationSource.valueOf((String) r[1]);
            return new EvaluationView((UUID) r[0], by, by.label(),
                    cn.lianluo.cases.cases.domain.Satisfaction.valueOf((String) r[2]), comment, state, state.label(),
                    r[5] instanceof Instant i ? i : ((java.sql.Timestamp) r[5]).toInstant());
        }).toList(), total, page, size);
    }

    private ProjectEntity requireVisible(UUID id, Caller caller) {
        ProjectEntity p = require(id);
        boolean ownWork = p.unitId != null && p.unitId.equals(ownUnit(caller));
        if (!ModerationState.APPROVED.name().equals(p.moderation) && !ownWork
                && !ModerationService.seesUnapproved(caller, RegionCode.of(p.regionCode))) {
            throw ProblemException.notFound("livelihood project", id);
        }
        return p;
    }

    private int electorate(VoteSessionEntity session) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM deputy_copy WHERE active AND region_code LIKE ?1 "
                        + "AND levels @> CAST(?2 AS jsonb)").setParameter(1, RegionCode.of(session.regionCode).likePattern())
                .setParameter(2, "[\"" + session.level + "\"]").getSingleResult()).intValue();
    }

    private VoteSessionEntity session(ProjectEntity p) {
        if (p.sessionId == null) {
            throw ProblemException.conflict("not-shortlisted", "the project is not on a shortlist");
        }
        return em.find(VoteSessionEntity.class, p.sessionId);
    }

    private ProjectEntity require(UUID id) {
        ProjectEntity p = em.find(ProjectEntity.class, id);
        if (p == null) {
            throw ProblemException.notFound("livelihood project", id);
        }
        return p;
    }

    private void record(ProjectEntity p, String kind, SupervisionKind supervisionKind, Integer progress, String milestone, String note,
                        UUID deputyId, String actor) {
        em.createNativeQuery("INSERT INTO project_record (id, project_id, kind, supervision_kind, progress, milestone, note, deputy_id, "
                        + "actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)").setParameter(1, UUID.randomUUID())
                .setParameter(2, p.id).setParameter(3, kind).setParameter(4, supervisionKind == null ? null : supervisionKind.name())
                .setParameter(5, progress).setParameter(6, milestone).setParameter(7, note).setParameter(8, deputyId)
                .setParameter(9, actor).setParameter(10, clock.now()).executeUpdate();
    }

    private static Double rate(long all, long satisfied) {
        return all == 0 ? null : Math.round(satisfied * 10000.0 / all) / 10000.0;
    }

    /** One source's evaluations: how many, and how many 满意 or 基本满意. */
    private record Tally(long all, long satisfied) {
        static final Tally NONE = new Tally(0, 0);

        EvaluationFigures figures() {
            return new EvaluationFigures(all, rate(all, satisfied));
        }
    }

    /** 三评: each source's evaluations counted apart, in one query. */
    private Map<EvaluationSource, Tally> evaluationTallies(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT source, count(*), count(*) FILTER (WHERE satisfaction <> 'UNSATISFIED') "
                + "FROM project_evaluation WHERE project_id = ?1 GROUP BY source").setParameter(1, id).getResultList();
        Map<EvaluationSource, Tally> tallies = new java.util.EnumMap<>(EvaluationSource.class);
        for (EvaluationSource source : EvaluationSource.values()) {
            tallies.put(source, Tally.NONE);
        }
        for (Object[] r : rows) {
            tallies.put(EvaluationSource.valueOf((String) r[0]), new Tally(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return tallies;
    }

    private static EvaluationSources bySource(Map<EvaluationSource, Tally> tallies) {
        return new EvaluationSources(tallies.get(EvaluationSource.CITIZEN).figures(), tallies.get(EvaluationSource.DEPUTY).figures(),
                tallies.get(EvaluationSource.UNIT).figures());
    }

    /** Citizens' and deputies' evaluations together, as before 三评; the unit's own never enters it. */
    private static Double satisfactionRate(Map<EvaluationSource, Tally> tallies) {
        Tally citizen = tallies.get(EvaluationSource.CITIZEN);
        Tally deputy = tallies.get(EvaluationSource.DEPUTY);
        return rate(citizen.all() + deputy.all(), citizen.satisfied() + deputy.satisfied());
    }

    private void publish(ProjectEntity p, String action, String role, UUID deputyId, String choice) {
        publish(p, action, role, deputyId, choice, null);
    }

    private void publish(ProjectEntity p, String action, String role, UUID deputyId, String choice, SupervisionKind supervisionKind) {
        publish(p, action, role, deputyId, choice, supervisionKind, new Detail(null, null, null));
    }

    private void publish(ProjectEntity p, String action, String role, UUID deputyId, String choice, SupervisionKind supervisionKind,
                         Detail detail) {
        em.flush();
        VoteSessionEntity session = p.sessionId == null ? null : em.find(VoteSessionEntity.class, p.sessionId);
        outbox.add(CaseEvents.type("project-" + action), p.id.toString(), RegionCode.of(p.regionCode),
                new CaseEvents.ProjectData(p.id, "project-" + action, role, clock.now(), p.status, p.regionCode, p.year, p.title,
                        p.source,
                        p.proposerName == null ? null : Masking.name(cipher.sealed(p.proposerName)
                                ? cipher.open(p.proposerName, "proposer_name") : p.proposerName), p.sessionId,
                        session == null ? null : session.level, p.votesFor, p.votesAgainst, p.votesAbstain, p.progress,
                        deputyId, choice, satisfactionRate(evaluationTallies(p.id)), caseIds(p.id),
                        session == null ? null : session.opensAt, session == null ? null : session.closesAt,
                        supervisionKind == null ? null : supervisionKind.name(), p.unitId, p.budgetFen, spent(p.id),
                        detail.milestoneId(), detail.milestoneTitle(), detail.amountFen()));
    }

    private List<UUID> caseIds(UUID id) {
        return em.createNativeQuery("SELECT case_id FROM project_case WHERE project_id = ?1 ORDER BY case_id")
                .setParameter(1, id).getResultList().stream().map(UUID.class::cast).toList();
    }

    private ProjectView view(ProjectEntity p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, progress, milestone, note, deputy_id, at, supervision_kind "
                + "FROM project_record WHERE project_id = ?1 ORDER BY at").setParameter(1, p.id).getResultList();
        List<RecordView> records = rows.stream().map(r -> {
            SupervisionKind supervisionKind = r[6] == null ? null : SupervisionKind.valueOf((String) r[6]);
            return new RecordView((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (UUID) r[4], r[5] instanceof Instant i ? i : ((java.sql.Timestamp) r[5]).toInstant(), supervisionKind,
                    supervisionKind == null ? null : supervisionKind.label());
        }).toList();
        Map<EvaluationSource, Tally> tallies = evaluationTallies(p.id);
        EvaluationSources bySource = bySource(tallies);
        long evaluations = bySource.citizen().count() + bySource.deputy().count();
        ProjectStatus status = ProjectStatus.valueOf(p.status);
        UnitEntity unit = p.unitId == null ? null : em.find(UnitEntity.class, p.unitId);
        return new ProjectView(p.id, p.regionCode, p.year, p.title, p.description, p.source, status, status.label(), p.sessionId,
                p.votesFor, p.votesAgainst, p.votesAbstain, p.progress, caseIds(p.id), records, supervisionCounts(records),
                evaluations, satisfactionRate(tallies), bySource, p.unitId, unit == null ? null : unit.name, budget(p),
                milestones(p.id), p.proposedAt, p.completedAt, ModerationState.valueOf(p.moderation),
                ModerationState.valueOf(p.moderation).label());
    }

    private long spent(UUID id) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(amount_fen), 0) FROM project_spending WHERE project_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private BudgetView budget(ProjectEntity p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, amount_fen, spent_on, note, at FROM project_spending "
                + "WHERE project_id = ?1 ORDER BY spent_on, at, id").setParameter(1, p.id).getResultList();
        List<SpendingView> spendings = rows.stream().map(r -> new SpendingView((UUID) r[0], ((Number) r[1]).longValue(),
                localDate(r[2]), (String) r[3], instant(r[4]))).toList();
        ProjectBudget figures = new ProjectBudget(p.budgetFen, spendings.stream().mapToLong(SpendingView::amountFen).sum());
        return new BudgetView(figures.budgetFen(), figures.spentFen(), figures.remainingFen(), figures.overBudget(), spendings);
    }

    private List<MilestoneView> milestones(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, title, planned_on, done_on, done_note FROM project_milestone "
                + "WHERE project_id = ?1 ORDER BY planned_on, created_at, id").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new MilestoneView((UUID) r[0], (String) r[1], localDate(r[2]),
                r[3] == null ? null : localDate(r[3]), (String) r[4], files.ofMilestone((UUID) r[0]).stream()
                .map(f -> new PhotoView(f.id(), f.name(), f.contentType(), "/api/v1/files/" + f.id())).toList())).toList();
    }

    private static LocalDate localDate(Object column) {
        return column instanceof LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }

    private static Instant instant(Object column) {
        return column instanceof Instant i ? i : ((java.sql.Timestamp) column).toInstant();
    }

    private static SupervisionCounts supervisionCounts(List<RecordView> records) {
        Map<SupervisionKind, Long> counted = records.stream().filter(r -> r.supervisionKind() != null)
                .collect(Collectors.groupingBy(RecordView::supervisionKind, Collectors.counting()));
        return new SupervisionCounts(counted.getOrDefault(SupervisionKind.PROGRESS, 0L),
                counted.getOrDefault(SupervisionKind.QUALITY, 0L), counted.getOrDefault(SupervisionKind.FUNDS, 0L));
    }

    /** Who may write the unit's self-evaluation: those who report its progress (政府解题) for it. */
    private static final List<String> UNIT_ROLES = List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER);

    private static String role(Caller caller) {
        return caller.primaryRole();
    }
}
