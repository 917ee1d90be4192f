package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A deputy's suggestion (代表建议) through its loop: assigned to a lead unit and co-handling units, answered with a
 * grade within 3 months (co-handling units within 1 month), rated by the deputy; unsatisfied sends it back to
 * the units. One extension, asked before the deadline, of at most 3 months.
 */
public final class SuggestionLoop {

    public static final int REPLY_MONTHS = 3;
    public static final int CO_ANSWER_MONTHS = 1;
    public static final int MAX_EXTENSION_MONTHS = 3;

    private SuggestionLoop() {
    }

    public record State(SuggestionStatus status, boolean extensionPending, boolean extensionUsed) {
    }

    public static final class Rejected extends RuntimeException {
        private final Set<SuggestionCommand> allowed;

        Rejected(SuggestionCommand command, State state) {
            super(command + " is not allowed when the suggestion is " + state.status() + "; allowed: " + SuggestionLoop.allowed(state));
            this.allowed = SuggestionLoop.allowed(state);
        }

        public Set<SuggestionCommand> allowed() {
            return allowed;
        }
    }

    public static Set<SuggestionCommand> allowed(State s) {
        EnumSet<SuggestionCommand> allowed = switch (s.status()) {
            case SUBMITTED -> EnumSet.of(SuggestionCommand.ASSIGN, SuggestionCommand.MARK_KEY, SuggestionCommand.SUPERVISE);
            case ASSIGNED -> EnumSet.of(SuggestionCommand.CO_ANSWER, SuggestionCommand.ANSWER, SuggestionCommand.MARK_KEY,
                    SuggestionCommand.SUPERVISE);
            case ANSWERED -> EnumSet.of(SuggestionCommand.RATE, SuggestionCommand.SUPERVISE);
            case CLOSED -> EnumSet.noneOf(SuggestionCommand.class);
        };
        if (s.status() == SuggestionStatus.ASSIGNED) {
            if (s.extensionPending()) {
                allowed.add(SuggestionCommand.APPROVE_EXTENSION);
            } else if (!s.extensionUsed()) {
                allowed.add(SuggestionCommand.REQUEST_EXTENSION);
            }
        }
        return allowed;
    }

    public static State decide(State s, SuggestionCommand command, Satisfaction rating) {
        if (!allowed(s).contains(command)) {
            throw new Rejected(command, s);
        }
        return switch (command) {
            case ASSIGN -> new State(SuggestionStatus.ASSIGNED, false, s.extensionUsed());
            case ANSWER -> new State(SuggestionStatus.ANSWERED, false, s.extensionUsed());
            case RATE -> {
                if (rating == null) {
                    throw new IllegalArgumentException("a rating names the deputy's satisfaction");
                }
                yield rating.closes() ? new State(SuggestionStatus.CLOSED, false, s.extensionUsed())
                        : new State(SuggestionStatus.ASSIGNED, false, s.extensionUsed());
            }
            case REQUEST_EXTENSION -> new State(s.status(), true, false);
            case APPROVE_EXTENSION -> new State(s.status(), false, true);
            case CO_ANSWER, SUPERVISE, MARK_KEY -> s;
        };
    }

    /** The event of {@code command} leading to {@code next}: an unsatisfied rating reopens the suggestion. */
    public static String event(SuggestionCommand command, State next) {
        return command == SuggestionCommand.RATE && next.status() != SuggestionStatus.CLOSED ? "reopened" : command.event();
    }

    /** The lead unit's reply is due 3 months after assignment; co-handling units answer within 1 month. */
    public static LocalDate replyDue(LocalDate assigned) {
        return assigned.plusMonths(REPLY_MONTHS);
    }

    public static LocalDate coAnswerDue(LocalDate assigned) {
        return assigned.plusMonths(CO_ANSWER_MONTHS);
    }

    /** An extension moves the reply by at most 3 months and must be asked before the reply is due. */
    public static LocalDate extended(LocalDate due, int months, LocalDate askedOn) {
        if (months < 1 || months > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("an extension is 1 to " + MAX_EXTENSION_MONTHS + " months");
        }
        if (askedOn.isAfter(due)) {
            throw new IllegalStateException("an extension is asked before the reply is due (" + due + ")");
        }
        return due.plusMonths(months);
    }
}
