package cn.lianluo.gateway;

import cn.lianluo.common.testing.RealInfrastructure;

import java.nio.file.Path;

/**
 * The five services on the TLS-only PostgreSQL and the SASL_SSL Kafka of {@code ./suite infra --secure} (started here;
 * it leaves the plain ones alone), each logging in to Kafka as its own SCRAM user.
 */
public class SecureServicesUnderTest extends ServicesUnderTest {

    @Override
    protected TestInfrastructure infrastructure() {
        RealInfrastructure.Suite.run("infra", "--secure");
        return TestInfrastructure.secure(Path.of("").toAbsolutePath().getParent().resolve(".suite"));
    }
}
