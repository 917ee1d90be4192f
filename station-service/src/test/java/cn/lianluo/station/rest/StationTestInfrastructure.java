package cn.lianluo.station.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of station-service runs against the real PostgreSQL (database station_test) and Kafka. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "station_test"))
public final class StationTestInfrastructure {
    private StationTestInfrastructure() {
    }
}
