package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of case-service runs against the real PostgreSQL (database cases_test) and Kafka. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases_test"))
public final class CaseTestInfrastructure {
    private CaseTestInfrastructure() {
    }
}
