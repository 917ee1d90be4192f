package cn.lianluo.gateway.overview;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The services the gateway reads, by the names {@code degraded} gives them when one does not answer in time. */
@Schema(name = "ServiceName", enumeration = {"station-service", "deputy-service", "case-service", "scoring-service"})
public enum Service {
    STATION("station-service"),
    DEPUTY("deputy-service"),
    CASES("case-service"),
    SCORING("scoring-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    static Service named(String id) {
        for (Service service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service " + id);
    }
}
