package cn.lianluo.notification.service;

import cn.lianluo.notification.service.SmsProvider.Outcome;
import cn.lianluo.notification.service.SmsProvider.Result;
import cn.lianluo.notification.service.SmsProvider.Sms;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider the configuration chooses is the one injected, with its template codes read from properties. */
@QuarkusTest
@TestProfile(SmsProviderChoiceIT.Aliyun.class)
class SmsProviderChoiceIT {

    public static class Aliyun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1 of the loopback: nothing listens, so a call that is made fails to connect
            return Map.of("lianluo.notify.sms.provider", "aliyun",
                    "lianluo.notify.sms.aliyun.endpoint", "http://127.0.0.1:1/",
                    "lianluo.notify.sms.aliyun.access-key-id", "test-id",
                    "lianluo.notify.sms.aliyun.access-key-secret", "test-secret",
                    "lianluo.notify.sms.aliyun.template-codes.case-received", "SMS_100001");
        }
    }

    @Inject
    SmsProvider provider;

    @Test
    void aliyun_is_chosen_and_reads_its_template_codes() {
        assertThat(provider.name()).isEqualTo("aliyun");

        Result unmapped = provider.send(new Sms("13800000000", "联络平台", "vote-opened", Map.of(), "m-1"));
        Result unreachable = provider.send(new Sms("13800000000", "联络平台", "case-received", Map.of(), "m-2"));

        assertThat(unmapped.outcome()).isEqualTo(Outcome.GIVE_UP);
        assertThat(unmapped.code()).isEqualTo("NO_TEMPLATE_CODE");
        // the template has a code, so the call was made: the endpoint does not answer, which may pass
        assertThat(unreachable.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(unreachable.code()).isEqualTo("IO_ERROR");
    }
}
