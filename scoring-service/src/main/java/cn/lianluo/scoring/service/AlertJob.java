package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.persistence.AlertRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;

/** The daily alert scan (预警): each deputy falling behind is raised once a year and kind, as a scoring event. */
@ApplicationScoped
public class AlertJob {

    private final PointsQueries queries;
    private final AlertRepository alerts;
    private final Outbox outbox;

    public AlertJob(PointsQueries queries, AlertRepository alerts, Outbox outbox) {
        this.queries = queries;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    /** Raises each alert once (per deputy, year and kind) as a scoring event; returns how many were new. */
    public int raiseAlerts(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int[] raised = {0};
            // the province's deputies one by one from a cursor: the daily job holds no list of them
            queries.eachAlert(RegionCode.HUNAN, today.getYear(), today, a -> {
                if (alerts.raiseOnce(a.deputyId(), today.getYear(), a.kind().name(), a.regionCode(), a.detail(), Instant.now())) {
                    outbox.add(ScoringEvents.ALERT_RAISED, a.deputyId().toString(), RegionCode.of(a.regionCode()),
                            new ScoringEvents.AlertRaised(a.deputyId(), a.name(), a.regionCode(), today.getYear(), a.kind().name(), a.detail()));
                    raised[0]++;
                }
            });
            return raised[0];
        });
    }

    @Scheduled(cron = "${lianluo.points.alert-cron:0 0 7 * * ?}", timeZone = Zones.CHINA_ID)
    void dailyAlerts() {
        raiseAlerts(LocalDate.now(Zones.CHINA));
    }
}
