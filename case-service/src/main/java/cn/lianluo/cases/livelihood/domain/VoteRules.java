package cn.lianluo.cases.livelihood.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The region's rule for a livelihood-project vote (票决): more candidates than places (差额), a quorum of the
 * deputies who may vote, a project passes with the votes FOR of a majority of all those deputies, and at most
 * {@code places} pass, the most votes first. Candidates tied at the last place are neither in nor out: they are
 * voted on again.
 */
public record VoteRules(int places, int quorumNumerator, int quorumDenominator) {

    /** Two thirds of the deputies must take part, as a congress session requires. */
    public static VoteRules of(int places) {
        return new VoteRules(places, 2, 3);
    }

    public VoteRules {
        if (places < 1) {
            throw new IllegalArgumentException("at least one place");
        }
        if (quorumNumerator < 1 || quorumDenominator < quorumNumerator) {
            throw new IllegalArgumentException("a quorum is a share between 0 and 1");
        }
    }

    public record Count(UUID projectId, int votesFor, int against, int abstain) {
    }

    public enum Outcome { SELECTED, REJECTED, TIED }

    public record Tally(int electorate, int voters, int quorum, int majority, Map<UUID, Outcome> outcomes) {
    }

    /** The deputies who must take part: the quorum share of the electorate, rounded up. */
    public int quorum(int electorate) {
        return (electorate * quorumNumerator + quorumDenominator - 1) / quorumDenominator;
    }

    /** More than half of all deputies who may vote (not of those who voted). */
    public static int majority(int electorate) {
        return electorate / 2 + 1;
    }

    /** Whether a shortlist of {@code candidates} is 差额: more candidates than places. */
    public boolean contested(int candidates) {
        return candidates > places;
    }

    /**
     * Whether the vote may be counted: once its window has closed, or before that when every deputy of the
     * electorate has voted on every candidate (no vote is left to cast). Counting earlier would cut off the deputies
     * still entitled to vote.
     */
    public static boolean mayTally(java.time.Instant now, java.time.Instant closesAt, int electorate, int candidates,
                                   long votesCast) {
        return !now.isBefore(closesAt) || votesCast >= (long) electorate * candidates;
    }

    /**
     * @throws IllegalStateException when fewer deputies than the quorum voted
     */
    public Tally tally(int electorate, int voters, List<Count> counts) {
        int quorum = quorum(electorate);
        if (voters < quorum) {
            throw new IllegalStateException("quorum not reached: " + voters + " of " + electorate + " deputies voted, "
                    + quorum + " must");
        }
        int majority = majority(electorate);
        List<Count> passing = new ArrayList<>(counts.stream().filter(c -> c.votesFor() >= majority).toList());
        passing.sort(Comparator.comparingInt(Count::votesFor).reversed());
        Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
        counts.forEach(c -> outcomes.put(c.projectId(), Outcome.REJECTED));
        if (passing.size() <= places) {
            passing.forEach(c -> outcomes.put(c.projectId(), Outcome.SELECTED));
        } else {
            int cut = passing.get(places - 1).votesFor();
            boolean tieAcrossCut = passing.get(places).votesFor() == cut;
            for (Count c : passing) {
                if (c.votesFor() > cut || (c.votesFor() == cut && !tieAcrossCut)) {
                    outcomes.put(c.projectId(), Outcome.SELECTED);
                } else if (c.votesFor() == cut) {
                    outcomes.put(c.projectId(), Outcome.TIED);
                }
            }
        }
        return new Tally(electorate, voters, quorum, majority, outcomes);
    }
}
