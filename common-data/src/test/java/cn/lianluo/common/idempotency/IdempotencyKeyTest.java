package cn.lianluo.common.idempotency;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    private static final String UUID = "8e03978e-40d5-43e8-bc93-6894a57f9324";

    @Test
    void no_header_is_no_key() {
        assertThat(IdempotencyKey.parse(null)).isNull();
        assertThat(IdempotencyKey.parse(List.of())).isNull();
    }

    @Test
    void a_structured_field_string_is_unquoted() {
        assertThat(IdempotencyKey.parse(List.of("\"" + UUID + "\""))).isEqualTo(UUID);
        assertThat(IdempotencyKey.parse(List.of(" \"a\\\"b\\\\c\" "))).isEqualTo("a\"b\\c");
    }

    @Test
    void a_bare_key_is_taken_as_it_is() {
        assertThat(IdempotencyKey.parse(List.of(UUID))).isEqualTo(UUID);
    }

    @Test
    void an_empty_key_is_refused() {
        assertRefused("");
        assertRefused("   ");
        assertRefused("\"\"");
    }

    @Test
    void a_key_longer_than_255_characters_is_refused() {
        assertThat(IdempotencyKey.parse(List.of("k".repeat(255)))).hasSize(255);
        assertRefused("k".repeat(256));
        assertRefused("\"" + "k".repeat(256) + "\"");
    }

    @Test
    void a_key_outside_printable_ascii_is_refused() {
        assertRefused("钥匙");
        assertRefused("a\u0001b");
        assertRefused("\"a\\nb\"");
        assertRefused("\"a\"b\"");
    }

    @Test
    void a_key_sent_twice_is_refused() {
        assertThatThrownBy(() -> IdempotencyKey.parse(List.of(UUID, UUID))).isInstanceOf(ProblemException.class);
    }

    private static void assertRefused(String value) {
        assertThatThrownBy(() -> IdempotencyKey.parse(List.of(value)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
                });
    }
}
