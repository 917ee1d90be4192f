package cn.lianluo.common.testing;

import cn.lianluo.common.testing.DevTokens.Claims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one dev-token minter: what ./suite token and the tests get, checked against the dev public key. */
class DevTokensTest {

    @Test
    void a_token_is_signed_by_the_dev_key_and_says_who_its_bearer_is() throws Exception {
        String token = DevTokens.mint(DevTokens.devKey(), "lianluo",
                new Claims("HANDLER", "433124", "test-\"quoted\"-unit", null, "unit-7", 300));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(devPublicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"lianluo\"", "\"aud\":\"lianluo\"", "\"groups\":[\"HANDLER\"]",
                "\"region\":\"433124\"", "\"unitId\":\"unit-7\"", "\"sub\":\"test-\\\"quoted\\\"-unit\"").doesNotContain("deputyId");
        long iat = Long.parseLong(payload.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - iat).isEqualTo(300);
    }

    @Test
    void the_command_line_gives_the_default_subject_and_twelve_hours() {
        Claims claims = DevTokens.parse(new String[] {"STATION_STAFF", "433124108", "--deputy", "d-1"});

        assertThat(claims.subject()).isEqualTo("dev-station-staff-433124108");
        assertThat(claims.deputyId()).isEqualTo("d-1");
        assertThat(claims.ttlSeconds()).isEqualTo(43_200);
    }

    @Test
    void the_command_line_refuses_what_the_services_would_refuse() {
        assertThatThrownBy(() -> DevTokens.parse(new String[] {"BOSS", "43"})).hasMessageContaining("role must be");
        assertThatThrownBy(() -> DevTokens.parse(new String[] {"ADMIN", "4x"})).hasMessageContaining("REGION must be");
        assertThatThrownBy(() -> DevTokens.parse(new String[] {"ADMIN", "43", "--ttl", "43201"}))
                .hasMessageContaining("--ttl must be 1 to 43200");
        assertThatThrownBy(() -> DevTokens.parse(new String[] {"ADMIN", "43", "--sub"})).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> DevTokens.parse(new String[] {"ADMIN"})).hasMessageContaining("usage");
    }

    private static PublicKey devPublicKey() throws Exception {
        Path pem = Path.of("").toAbsolutePath();
        while (!Files.exists(pem.resolve("deploy/dev-keys/dev-public-key.pem"))) {
            pem = pem.getParent();
        }
        String base64 = Files.readString(pem.resolve("deploy/dev-keys/dev-public-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
