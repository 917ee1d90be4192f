package cn.lianluo.notification.rest;

import cn.lianluo.notification.service.SmsProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With no settings the service sends no SMS anywhere: the log-only provider is the one injected. */
@QuarkusTest
class SmsProviderDefaultIT {

    @Inject
    SmsProvider provider;

    @Test
    void the_log_provider_is_the_default() {
        assertThat(provider.name()).isEqualTo("log");
    }
}
