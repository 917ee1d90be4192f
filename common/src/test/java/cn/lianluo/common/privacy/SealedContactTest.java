package cn.lianluo.common.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedContactTest {

    static final String K1 = "n1:taqZeIZodVbqz24M/3sORiZBM5D5NQOvd9GymutjDdQ=";
    static final String K2 = "n2:q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=";

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
        SealedContact sealer = new SealedContact(K1);
        assertThat(sealer.hash("138-1234 1234")).isEqualTo(sealer.hash("13812341234")).startsWith("n1:");
        assertThat(sealer.hash("13812341235")).isNotEqualTo(sealer.hash("13812341234"));
        assertThatThrownBy(() -> new SealedContact("n1:short")).hasMessageContaining("32 random bytes");
    }
}
