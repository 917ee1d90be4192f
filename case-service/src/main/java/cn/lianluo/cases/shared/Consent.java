package cn.lianluo.cases.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * The notice on personal data a citizen agreed to (its version) and when, kept beside what they sent: a case's
 * citizen and a livelihood project's proposer give it the same way. Both columns are null when none was given.
 */
@Embeddable
public class Consent {

    @Column(name = "consented_notice")
    public String notice;
    @Column(name = "consented_at")
    public Instant at;

    /** The consent to {@code notice} given at {@code at}, or null when no notice was agreed to. */
    public static Consent given(String notice, Instant at) {
        if (notice == null) {
            return null;
        }
        Consent consent = new Consent();
        consent.notice = notice;
        consent.at = at;
        return consent;
    }
}
