package cn.lianluo.cases.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The working-day calendar in the readiness detail: the years whose official arrangement is missing
 * ({@link CalendarAlerts}). Always UP: a missing arrangement makes deadlines provisional, it does not stop the
 * service, and taking a pod out of its Service for it would help no one. The data is for people and monitoring.
 */
@Readiness
@ApplicationScoped
public class CalendarReadiness implements HealthCheck {

    private final CalendarAlerts alerts;

    public CalendarReadiness(CalendarAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("calendar").up();
        try {
            List<CalendarAlerts.CalendarAlert> current = alerts.current();
            response.withData("arrangementMissing", current.stream().map(a -> String.valueOf(a.year()))
                    .collect(Collectors.joining(",")));
            current.forEach(a -> response.withData("alert" + a.year(), a.message()));
        } catch (RuntimeException e) {
            response.withData("arrangementMissing", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
