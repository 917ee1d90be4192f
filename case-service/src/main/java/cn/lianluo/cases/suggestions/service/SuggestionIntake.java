package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.persistence.SuggestionLinks;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionRequest;
import cn.lianluo.cases.units.persistence.DeputyCopyEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 提出建议: a deputy's suggestion with its co-signers (deputies of the lead deputy's region, who join when each
 * confirms) and the cases of the deputy's region it grows from; staff submit one in a deputy's name.
 */
@ApplicationScoped
public class SuggestionIntake {

    private final EntityManager em;
    private final CaseRepositories.Cases cases;
    private final UnitRepositories.Deputies deputies;
    private final SuggestionLinks links;
    private final SuggestionTimeline timeline;
    private final SuggestionPublisher publisher;
    private final CaseClock clock;

    public SuggestionIntake(EntityManager em, CaseRepositories.Cases cases, UnitRepositories.Deputies deputies,
                            SuggestionLinks links, SuggestionTimeline timeline, SuggestionPublisher publisher,
                            CaseClock clock) {
        this.em = em;
        this.cases = cases;
        this.deputies = deputies;
        this.links = links;
        this.timeline = timeline;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A deputy's new suggestion (staff name the deputy), its co-signers named and the cases it grows from linked. */
    public SuggestionEntity submit(SuggestionRequest request, Caller caller) {
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
            links.addCase(s.id, caseId);
        }
        String role = caller.primaryRole();
        timeline.record(s.id, SuggestionTimeline.SUBMITTED, role, caller.subject(), s.submittedAt, null);
        publisher.publish(s, "submitted", role, clock.now());
        return s;
    }

    /** The deputy, if in office; otherwise 422 {@code unknown-deputy} on {@code field}. */
    DeputyCopyEntity activeDeputy(UUID id, String field) {
        DeputyCopyEntity d = deputies.findById(id);
        if (d == null || !d.active) {
            throw ProblemException.unprocessable("unknown-deputy", field, "deputy " + id + " is not an active deputy");
        }
        return d;
    }
}
