package cn.lianluo.deputy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deputy's mandate: the level of congress, the term (届) and its dates, and its status. A person who is a
 * county and a township deputy is one deputy with two mandates.
 */
public record Mandate(DeputyLevel level, int term, LocalDate termStart, LocalDate termEnd, MandateStatus status) {

    public Mandate {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(termStart, "termStart");
        status = status == null ? MandateStatus.ACTIVE : status;
    }

    /** What is wrong with this mandate, as (field, message) pairs; empty when it is sound. */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (term < 1 || term > 99) {
            problems.add(new String[] {"term", "a term (届) is a number from 1 to 99"});
        }
        if (termEnd != null && termEnd.isBefore(termStart)) {
            problems.add(new String[] {"termEnd", "the term ends (" + termEnd + ") before it starts (" + termStart + ")"});
        }
        if (termEnd != null && termStart.plusYears(6).isBefore(termEnd)) {
            problems.add(new String[] {"termEnd", "a term lasts at most 5 years"});
        }
        return problems;
    }

    /** Whether this is the same seat: the same level and the same term. */
    public boolean sameSeat(Mandate other) {
        return level == other.level && term == other.term;
    }

    public boolean active() {
        return status == MandateStatus.ACTIVE;
    }
}
