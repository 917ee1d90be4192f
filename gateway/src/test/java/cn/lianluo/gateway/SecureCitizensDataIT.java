package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** where a citizen's data is kept and shown (CitizensDataIT) once more on the secure connections of SecureSuiteIT: SASL_SSL Kafka, TLS PostgreSQL. */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecureCitizensDataIT extends CitizensDataIT {
}
