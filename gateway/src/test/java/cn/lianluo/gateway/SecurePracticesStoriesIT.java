package cn.lianluo.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** the seed's practices (代表有约, 立法意见征集, 述职评议, 三督三评, 网格) (PracticesStoriesIT) once more on the secure connections of SecureSuiteIT: SASL_SSL Kafka, TLS PostgreSQL. */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecurePracticesStoriesIT extends PracticesStoriesIT {
}
