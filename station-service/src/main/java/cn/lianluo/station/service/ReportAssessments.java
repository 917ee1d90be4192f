package cn.lianluo.station.service;

import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.domain.ActivityKind;
import cn.lianluo.station.domain.ReportTally;
import cn.lianluo.station.domain.Satisfaction;
import cn.lianluo.station.persistence.ActivityEntity;
import cn.lianluo.station.persistence.ActivityRepository;
import cn.lianluo.station.service.StationDtos.AssessmentRequest;
import cn.lianluo.station.service.StationDtos.ReportSummary;
import cn.lianluo.station.service.StationDtos.ReportView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 述职评议: voters assess a deputy's report (a REPORT activity) — on the spot, entered by staff of the report's region,
 * or themselves on the H5 with the report's assessment code — once per phone, kept only as its keyed hash.
 */
@ApplicationScoped
public class ReportAssessments {

    static final String CITIZEN = "CITIZEN";

    private final ActivityRepository activities;
    private final VoterPhones phones;
    private final EntityManager em;
    private final Outbox outbox;

    public ReportAssessments(ActivityRepository activities, VoterPhones phones, EntityManager em, Outbox outbox) {
        this.activities = activities;
        this.phones = phones;
        this.em = em;
        this.outbox = outbox;
    }

    /** Staff enter a voter's assessment given at the report. */
    @Transactional
    public ReportView assessOnTheSpot(UUID activityId, AssessmentRequest request, Caller caller) {
        ActivityEntity report = requireReport(activityId);
        caller.requireWithin(RegionCode.of(report.regionCode));
        return record(report, request, caller.subject(), caller.primaryRole());
    }

    /** A voter assesses on the H5, without signing in: the code stands for the report. */
    @Transactional
    public ReportView assessWithCode(String code, AssessmentRequest request) {
        return record(requireCode(code), request, null, CITIZEN);
    }

    @Transactional
    public ReportSummary summary(String code) {
        ActivityEntity report = requireCode(code);
        return new ReportSummary(report.title, report.heldOn, report.regionCode, report.stationId, report.reportingDeputyId,
                ActivityKind.REPORT.label());
    }

    @Transactional
    public ReportView report(UUID activityId, Caller caller) {
        ActivityEntity report = requireReport(activityId);
        caller.requireWithin(RegionCode.of(report.regionCode));
        return view(report, tally(report.id));
    }

    /** The reports a deputy gave in a year, inside {@code scope}, the latest first. */
    @Transactional
    public List<ReportView> reportsOf(UUID deputyId, int year, RegionCode scope) {
        List<ActivityEntity> found = activities.list("reportingDeputyId = :deputy and heldOn >= :from and heldOn < :to "
                        + "and regionCode like :region", Sort.descending("heldOn"),
                Parameters.with("deputy", deputyId).and("from", LocalDate.of(year, 1, 1))
                        .and("to", LocalDate.of(year + 1, 1, 1)).and("region", scope.likePattern()));
        return found.stream().map(a -> view(a, tally(a.id))).toList();
    }

    private ReportView record(ActivityEntity report, AssessmentRequest request, String recordedBy, String role) {
        // the unique (activity, phone hash) decides "once per phone", also between two requests at the same moment
        int inserted = em.createNativeQuery("INSERT INTO report_assessment (id, activity_id, phone_hash, satisfaction, "
                        + "recorded_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, report.id)
                .setParameter(3, phones.hash(request.phone().strip())).setParameter(4, request.satisfaction().name())
                .setParameter(5, recordedBy).setParameter(6, OffsetDateTime.now(Zones.CHINA)).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("already-assessed", "this phone has assessed this report already (once per phone)");
        }
        ReportTally tally = tally(report.id);
        outbox.add(StationEvents.REPORT_ASSESSED, report.id.toString(), RegionCode.of(report.regionCode),
                new StationEvents.ReportAssessed(report.id, report.reportingDeputyId, report.regionCode, report.stationId,
                        report.heldOn, request.satisfaction().name(), role, tally.satisfied(), tally.basicallySatisfied(),
                        tally.unsatisfied(), tally.satisfactionRate()));
        return view(report, tally);
    }

    private ReportTally tally(UUID activityId) {
        Map<Satisfaction, Integer> counts = new EnumMap<>(Satisfaction.class);
        List<?> rows = em.createNativeQuery("SELECT satisfaction, count(*) FROM report_assessment WHERE activity_id = ?1 "
                + "GROUP BY satisfaction").setParameter(1, activityId).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(Satisfaction.valueOf((String) r[0]), ((Number) r[1]).intValue());
        }
        return ReportTally.of(counts);
    }

    private ActivityEntity requireReport(UUID activityId) {
        ActivityEntity activity = activities.findById(activityId);
        if (activity == null) {
            throw ProblemException.notFound("activity", activityId);
        }
        if (!ActivityKind.REPORT.name().equals(activity.kind)) {
            throw ProblemException.conflict("not-a-report", "activity " + activityId + " is a " + activity.kind
                    + " activity; only a REPORT (述职评议) is assessed by voters");
        }
        return activity;
    }

    private ActivityEntity requireCode(String code) {
        ActivityEntity report = code == null ? null
                : activities.find("assessmentCode", code.strip().toUpperCase(java.util.Locale.ROOT)).firstResult();
        if (report == null) {
            throw ProblemException.notFound("report with assessment code", code);
        }
        return report;
    }

    private static ReportView view(ActivityEntity a, ReportTally t) {
        return new ReportView(a.id, a.title, a.heldOn, a.regionCode, a.stationId, a.reportingDeputyId, a.votersPresent,
                t.satisfied(), t.basicallySatisfied(), t.unsatisfied(), t.total(), t.satisfactionRate());
    }
}
