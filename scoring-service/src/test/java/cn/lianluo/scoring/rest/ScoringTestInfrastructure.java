package cn.lianluo.scoring.rest;

import cn.lianluo.common.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of scoring-service runs against the real PostgreSQL (database scoring_test) and Kafka. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scoring_test"))
public final class ScoringTestInfrastructure {
    private ScoringTestInfrastructure() {
    }
}
