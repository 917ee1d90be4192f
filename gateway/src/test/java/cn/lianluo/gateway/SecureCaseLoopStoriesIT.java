package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** the case loop, from intake to the citizen's assessment (CaseLoopStoriesIT) once more on the secure connections of SecureSuiteIT: SASL_SSL Kafka, TLS PostgreSQL. */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecureCaseLoopStoriesIT extends CaseLoopStoriesIT {
}
