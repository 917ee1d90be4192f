package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of deputy-service runs against the real PostgreSQL (database deputy_test) and Kafka. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "deputy_test"))
public final class DeputyTestInfrastructure {
    private DeputyTestInfrastructure() {
    }
}
