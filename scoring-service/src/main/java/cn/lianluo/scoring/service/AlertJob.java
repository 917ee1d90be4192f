package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.persistence.AlertRepository;
import cn.lianluo.scoring.service.PointsDtos.Alert;
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
            int raised = 0;
            for (Alert a : queries.alerts(RegionCode.HUNAN, today.getYear(), today)) {
                if (alerts.raiseOnce(a.deputyId(), today.getYear(), a.kind().name(), a.regionCode(), a.detail(), Instant.now())) {
                    outbox.add(ScoringEvents.ALERT_RAISED, a.deputyId().toString(), RegionCode.of(a.regionCode()),
                            new ScoringEvents.AlertRaised(a.deputyId(), a.name(), a.regionCode(), today.getYear(), a.kind().name(), a.detail()));
                    raised++;
                }
            }
            return raised;
        });
    }

    @Scheduled(cron = "${lianluo.points.alert-cron:0 0 7 * * ?}", timeZone = Zones.CHINA_ID)
    void dailyAlerts() {
        raiseAlerts(LocalDate.now(Zones.CHINA));
    }
}
