package cn.lianluo.cases.suggestions.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * 联名 needs consent: a deputy named as a co-signer of a suggestion joins it (and is credited for it) only when they
 * confirm it themself, and only once. Naming someone is not their act.
 */
public final class CoSigning {

    public enum Refusal {
        NOT_NAMED("you are not named as a co-signer of this suggestion"),
        ALREADY_CONFIRMED("you have already confirmed co-signing this suggestion");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private CoSigning() {
    }

    /**
     * Why {@code deputy} may not confirm, or empty when it may.
     *
     * @param named     the co-signers the suggestion names (never the lead deputy)
     * @param confirmed those of them who have confirmed
     */
    public static Optional<Refusal> refusal(UUID deputy, Collection<String> named, Collection<String> confirmed) {
        if (!named.contains(deputy.toString())) {
            return Optional.of(Refusal.NOT_NAMED);
        }
        if (confirmed.contains(deputy.toString())) {
            return Optional.of(Refusal.ALREADY_CONFIRMED);
        }
        return Optional.empty();
    }
}
