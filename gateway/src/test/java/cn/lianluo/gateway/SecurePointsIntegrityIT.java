package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** the points that cannot be gamed, redeliveries and republication included (PointsIntegrityIT) once more on the secure connections of SecureSuiteIT: SASL_SSL Kafka, TLS PostgreSQL. */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecurePointsIntegrityIT extends PointsIntegrityIT {
}
