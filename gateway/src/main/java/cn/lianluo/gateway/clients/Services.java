package cn.lianluo.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The gateway's reads of the services, each with a timeout, one retry (they are GETs) and a circuit breaker; a
 * service that fails gives {@code null}, which the caller names as degraded. A 4xx of the service (scope, not found)
 * is not a failure of the service: it passes through as it is. Every method is a GET, so one retry is safe.
 */
@ApplicationScoped
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 1, abortOn = WebApplicationException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = WebApplicationException.class)
public class Services {

    private final ServiceApis.Station station;
    private final ServiceApis.Deputy deputy;
    private final ServiceApis.Cases cases;
    private final ServiceApis.Scoring scoring;

    public Services(@RestClient ServiceApis.Station station, @RestClient ServiceApis.Deputy deputy,
                    @RestClient ServiceApis.Cases cases, @RestClient ServiceApis.Scoring scoring) {
        this.station = station;
        this.deputy = deputy;
        this.cases = cases;
        this.scoring = scoring;
    }

    public JsonNode region(String code) {
        return station.region(code);
    }

    @Fallback(fallbackMethod = "none1", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode stationStatistics(String region) {
        return station.statistics(region);
    }

    @Fallback(fallbackMethod = "none2", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode deputyStatistics(String region, String authorization) {
        return deputy.statistics(region, authorization);
    }

    @Fallback(fallbackMethod = "none3", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode caseStatistics(String region, int year, String authorization) {
        return cases.cases(region, LocalDate.of(year, 1, 1).toString(), LocalDate.of(year + 1, 1, 1).toString(), authorization);
    }

    @Fallback(fallbackMethod = "none2", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode suggestionStatistics(String region, String authorization) {
        return cases.suggestions(region, authorization);
    }

    @Fallback(fallbackMethod = "none3", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode projectStatistics(String region, int year, String authorization) {
        return cases.projects(region, year, authorization);
    }

    @Fallback(fallbackMethod = "none3", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode pointsStatistics(String region, int year, String authorization) {
        return scoring.statistics(region, year, authorization);
    }

    public JsonNode dossier(String id, String authorization) {
        return deputy.dossier(id, authorization);
    }

    @Fallback(fallbackMethod = "none3", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode deputyPoints(String id, int year, String authorization) {
        return scoring.deputy(id, year, authorization);
    }

    /** 述职评议: the deputy's reports to the voters in the year, with the voters' assessments counted. */
    @Fallback(fallbackMethod = "none3", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode reportsOfDeputy(String id, int year, String authorization) {
        return station.reportsOfDeputy(id, year, authorization);
    }

    @Fallback(fallbackMethod = "none2", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode casesOfDeputy(String id, String authorization) {
        return cases.casesOfDeputy(id, 200, authorization);
    }

    @Fallback(fallbackMethod = "none2", applyOn = Exception.class, skipOn = WebApplicationException.class)
    public JsonNode suggestionsOfDeputy(String id, String authorization) {
        return cases.suggestionsOfDeputy(id, 200, authorization);
    }

    JsonNode none1(String a) {
        return null;
    }

    JsonNode none2(String a, String b) {
        return null;
    }

    JsonNode none3(String a, int b, String c) {
        return null;
    }

}
