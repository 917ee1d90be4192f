package cn.lianluo.common.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedContactTest {

    static final String K1 = "n1:taqZeIZodVbqz24M/3sORiZBM5D5NQOvd9GymutjDdQ=";
    static final String K2 = "n2:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=";
    static final String H1 = "h1:BlXZR8KJIqyFjTOUf59s50PJhNPMrmdTKDtZirEutqA=";

    @Test
    void a_sealed_contact_opens_to_itself_and_shows_nothing_of_it() {
        SealedContact sealer = new SealedContact(K1);
        String sealed = sealer.seal("{\"phone\":\"13812341234\",\"trackingCode\":\"ABCD2345\"}");
        assertThat(sealed).startsWith("n1:").doesNotContain("1381234");
        assertThat(sealer.open(sealed)).isEqualTo("{\"phone\":\"13812341234\",\"trackingCode\":\"ABCD2345\"}");
        assertThat(sealer.seal("x")).isNotEqualTo(sealer.seal("x"));
    }

    @Test
    void an_altered_value_or_an_unknown_key_does_not_open() {
        String sealed = new SealedContact(K1).seal("13812341234");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> new SealedContact(K1).open(altered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedContact(K2).open(sealed)).hasMessageContaining("n1");
        assertThat(new SealedContact(K2, List.of(K1)).open(sealed)).isEqualTo("13812341234");
    }

    @Test
    void a_phone_hashes_alike_however_it_is_written_and_a_bad_key_is_refused() {
        SealedContact sealer = new SealedContact(K1, null, H1);
        assertThat(sealer.hash("138-1234 1234")).isEqualTo(sealer.hash("13812341234")).startsWith("h1:");
        assertThat(sealer.hash("13812341235")).isNotEqualTo(sealer.hash("13812341234"));
        assertThatThrownBy(() -> new SealedContact("n1:short")).hasMessageContaining("32 random bytes");
    }

    @Test
    void a_hash_stays_the_same_when_the_sealing_key_rotates() {
        SealedContact before = new SealedContact(K1, null, H1);
        SealedContact after = new SealedContact(K2, List.of(K1), H1);
        assertThat(after.hash("13812341234")).isEqualTo(before.hash("13812341234"));
        assertThat(after.open(before.seal("13812341234"))).isEqualTo("13812341234");
    }

    @Test
    void the_hash_key_is_a_key_of_its_own_and_required_to_hash() {
        assertThatThrownBy(() -> new SealedContact(K1).hash("13812341234")).hasMessageContaining("lianluo.notify.hash-key");
        assertThatThrownBy(() -> new SealedContact(K1, null, "h1:" + K1.substring(3)))
                .hasMessageContaining("a key of its own");
        assertThatThrownBy(() -> new SealedContact(K1, List.of(K2), "h1:" + K2.substring(3)))
                .hasMessageContaining("a key of its own");
    }

    @Test
    void the_legacy_hashes_are_those_the_sealing_keys_made_before_the_hash_key() {
        // as the release before lianluo.notify.hash-key hashed 13812341234 under n1 and under n2 (pinned from its code)
        String underN1 = "n1:Rssk0nzZP1K0IBgEbI+NRuNjAfqjN5d3A7nPsb++Kto";
        String underN2 = "n2:17+tW04wWuGDVssrXESFXZjLIfuxtld2D+t2kD67XbI";
        SealedContact rotated = new SealedContact(K2, List.of(K1), H1);
        assertThat(rotated.legacyHashes("138-1234 1234")).containsExactlyInAnyOrder(underN1, underN2);
        SealedContact.Hashes hashes = new SealedContact(K1, null, H1).hashes("13812341234");
        assertThat(hashes.current()).isEqualTo(new SealedContact(K2, null, H1).hash("13812341234"));
        assertThat(hashes.legacy()).containsExactly(underN1);
        assertThat(hashes.all()).containsExactly(hashes.current(), underN1);
    }
}
