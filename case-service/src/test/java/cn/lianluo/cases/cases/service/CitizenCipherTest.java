package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.config.PrivacyConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenCipherTest {

    static final String K1 = "k1:taqZeIZodVbqz24M/3sORiZBM5D5NQOvd9GymutjDdQ=";
    static final String K2 = "k2:BlXZR8KJIqyFjTOUf59s50PJhNPMrmdTKDtZirEutqA=";
    static final String H1 = "h1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    static PrivacyConfig config(String key, String hashKey, List<String> previous) {
        return new PrivacyConfig() {
            public String key() {
                return key;
            }

            public String hashKey() {
                return hashKey;
            }

            public Optional<List<String>> previousKeys() {
                return Optional.of(previous);
            }

            public String sweepEvery() {
                return "30s";
            }

            public int sweepBatch() {
                return 500;
            }
        };
    }

    @Test
    void a_sealed_citizen_shows_no_whole_phone_or_name_and_opens_whole() {
        CitizenCipher cipher = new CitizenCipher(config(K1, H1, List.of()));
        CaseEntity c = new CaseEntity();
        cipher.seal(c, "符晓岚", "0743-8521234");
        assertThat(c.citizenName).isNull();
        assertThat(c.citizenPhone).isNull();
        assertThat(c.citizenNameSealed + c.citizenPhoneSealed + c.citizenPhoneHash)
                .doesNotContain("8521234").doesNotContain("符晓岚").startsWith("k1:");
        assertThat(c.citizenPhoneHash).startsWith("h1:");
        assertThat(cipher.open(c)).isEqualTo(new CitizenCipher.Citizen("符晓岚", "0743-8521234"));
        assertThat(cipher.phoneMatches(c, "07438521234")).isTrue();
        assertThat(cipher.phoneMatches(c, "0743-8521235")).isFalse();
        assertThat(cipher.current(c)).isTrue();
    }

    @Test
    void a_rotated_key_still_opens_old_rows_until_they_are_resealed() {
        CaseEntity c = new CaseEntity();
        new CitizenCipher(config(K1, H1, List.of())).seal(c, "张三", "13812341234");
        CitizenCipher rotated = new CitizenCipher(config(K2, H1, List.of(K1)));
        assertThat(rotated.current(c)).isFalse();
        assertThat(rotated.open(c).phone()).isEqualTo("13812341234");
        assertThat(rotated.phoneMatches(c, "13812341234")).isTrue();
        CaseEntity resealed = new CaseEntity();
        rotated.seal(resealed, rotated.open(c).name(), rotated.open(c).phone());
        assertThat(rotated.current(resealed)).isTrue();
        assertThatThrownBy(() -> new CitizenCipher(config(K2, H1, List.of())).open(c)).hasMessageContaining("k1");
    }

    @Test
    void an_altered_ciphertext_or_a_name_passed_off_as_a_phone_does_not_open() {
        CitizenCipher cipher = new CitizenCipher(config(K1, H1, List.of()));
        CaseEntity c = new CaseEntity();
        cipher.seal(c, "张三", "13812341234");
        c.citizenPhoneSealed = c.citizenNameSealed;
        assertThatThrownBy(() -> cipher.open(c)).hasMessageContaining("does not open");
    }

    @Test
    void keys_are_checked_at_start() {
        assertThatThrownBy(() -> new CitizenCipher(config("k1:short", H1, List.of()))).hasMessageContaining("32 random bytes");
        assertThatThrownBy(() -> new CitizenCipher(config(K1, K1, List.of()))).hasMessageContaining("of its own");
    }
}
