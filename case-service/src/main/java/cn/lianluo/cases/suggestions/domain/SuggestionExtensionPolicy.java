package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.problem.ProblemException;

import java.time.LocalDate;

/** 申请延期: one extension of the reply, asked before the reply is due, of 1 to 3 months. */
public final class SuggestionExtensionPolicy {

    public static final int MAX_EXTENSION_MONTHS = 3;

    private SuggestionExtensionPolicy() {
    }

    /** The months asked, if asked in time and not too many; otherwise the problem the request breaks. */
    public static int requireAllowed(LocalDate replyDue, LocalDate today, int months) {
        if (months < 1 || months > MAX_EXTENSION_MONTHS) {
            throw ProblemException.invalid(SuggestionField.MONTHS.json(), SuggestionField.MONTHS.whenMissing());
        }
        if (today.isAfter(replyDue)) {
            throw ProblemException.unprocessable("extension-too-late", SuggestionField.MONTHS.json(),
                    "an extension is asked before the reply is due (" + replyDue + ")");
        }
        return months;
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
