package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.suggestions.domain.SuggestionContext.AnsweringUnit;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.AskExtension;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.AssignUnits;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.CloseSuggestion;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.ExtendReply;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.MarkKey;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordAnswer;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordCoAnswer;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordRating;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.SendBack;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A deputy's suggestion (代表建议) through its loop: assigned to a lead unit and co-handling units, answered with a
 * grade within 3 months (co-handling units within 1 month), rated by the deputy; unsatisfied sends it back to
 * the units. One extension, asked before the deadline, of at most 3 months ({@link SuggestionExtensionPolicy}).
 * {@link #decide} either gives the {@link SuggestionTransition} of a (state, command) pair or rejects it.
 */
public final class SuggestionLoop {

    public static final int REPLY_MONTHS = 3;
    public static final int CO_ANSWER_MONTHS = 1;

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

    /**
     * What {@code command} does to a suggestion in state {@code s}: every rule of the loop in one place. In order: the
     * state's allowed commands ({@link Rejected}), the command's required fields (400), the rules that read the
     * suggestion's facts ({@link AnsweringUnitsPolicy}, {@link SuggestionExtensionPolicy}), then the next state, its
     * effects, its event and its timeline line.
     */
    public static SuggestionTransition decide(State s, SuggestionCommand command, SuggestionContext context) {
        SuggestionInput input = context.input();
        if (!allowed(s).contains(command)) {
            throw new Rejected(command, s);
        }
        command.requireFields(input);
        State next = next(s, command, input.satisfaction());
        LocalDate today = context.today();
        return switch (command) {
            case ASSIGN -> {
                AnsweringUnit lead = context.unit(input.leadUnitId());
                List<AnsweringUnit> coUnits = input.otherCoUnitIds().stream().map(context::unit).toList();
                AnsweringUnitsPolicy.requireAnswerable(context.region(), lead, coUnits);
                yield transition(command, next, input, new AssignUnits(lead.id(),
                        coUnits.stream().map(AnsweringUnit::id).toList(), today, replyDue(today), coAnswerDue(today)));
            }
            case CO_ANSWER -> transition(command, next, input,
                    new RecordCoAnswer(context.actingUnitId(), input.answer(), today));
            case ANSWER -> transition(command, next, input,
                    new RecordAnswer(input.answer(), input.grade(), today, !today.isAfter(context.replyDue())));
            case RATE -> transition(command, next, input, new RecordRating(input.satisfaction()),
                    next.status() == SuggestionStatus.CLOSED ? new CloseSuggestion() : new SendBack(replyDue(today)));
            case REQUEST_EXTENSION -> transition(command, next, input, new AskExtension(
                    SuggestionExtensionPolicy.requireAllowed(context.replyDue(), today, input.months())));
            case APPROVE_EXTENSION -> transition(command, next, input, new ExtendReply(SuggestionExtensionPolicy.extended(
                    context.replyDue(), context.extensionMonths(), context.replyDue())));
            case MARK_KEY -> transition(command, next, input, new MarkKey());
            case SUPERVISE -> transition(command, next, input);
        };
    }

    /**
     * The state after {@code command}, or {@link Rejected}. {@code rating} is read by RATE only: satisfied or basically
     * satisfied closes the suggestion, unsatisfied sends it back to the units.
     */
    public static State next(State s, SuggestionCommand command, Satisfaction rating) {
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

    private static SuggestionTransition transition(SuggestionCommand command, State next, SuggestionInput input,
                                                   SuggestionEffect... effects) {
        return new SuggestionTransition(next, List.of(effects), event(command, next),
                new SuggestionTransition.TimelineEntry(command.name(), input.timelineNote()));
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
}
