package cn.lianluo.cases.suggestions.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CoSigningTest {

    final UUID named = UUID.randomUUID();
    final UUID other = UUID.randomUUID();

    @Test
    void a_named_co_signer_confirms_once() {
        assertThat(CoSigning.refusal(named, List.of(named.toString()), List.of())).isEmpty();
        assertThat(CoSigning.refusal(named, List.of(named.toString()), List.of(named.toString())))
                .contains(CoSigning.Refusal.ALREADY_CONFIRMED);
    }

    @Test
    void a_deputy_not_named_cannot_confirm_whoever_else_has() {
        assertThat(CoSigning.refusal(other, List.of(named.toString()), List.of())).contains(CoSigning.Refusal.NOT_NAMED);
        assertThat(CoSigning.refusal(other, List.of(named.toString()), List.of(named.toString())))
                .contains(CoSigning.Refusal.NOT_NAMED);
        assertThat(CoSigning.refusal(other, List.of(), List.of())).contains(CoSigning.Refusal.NOT_NAMED);
    }
}
