package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** the deputy and station stories (StoriesIT) once more on the secure connections of SecureSuiteIT: SASL_SSL Kafka, TLS PostgreSQL. */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecureStoriesIT extends StoriesIT {
}
