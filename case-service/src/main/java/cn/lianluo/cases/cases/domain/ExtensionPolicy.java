package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.OpenDeadline;
import cn.lianluo.common.problem.ProblemException;

import java.time.Instant;
import java.util.Optional;

/**
 * 申请延期: an extension is asked for the handling time limit, before it runs out, and is at most as long as that
 * limit was (at least one working day may always be asked).
 */
public final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    /** The days asked, if the request keeps the window and the span; otherwise the problem that it breaks. */
    public static int requireAllowed(Optional<OpenDeadline> open, Instant now, int days, int originalSpan) {
        OpenDeadline d = open.filter(x -> x.stage() == Stage.HANDLE).orElseThrow(() ->
                ProblemException.conflict("no-handling-deadline", "an extension is asked for the handling time limit"));
        if (!now.isBefore(d.dueAt())) {
            throw ProblemException.unprocessable("extension-too-late", CommandField.DAYS.json(),
                    "an extension is asked before the deadline (" + d.dueDate() + "), not after it");
        }
        if (days > longest(originalSpan)) {
            throw ProblemException.invalid(CommandField.DAYS.json(),
                    "an extension is at most the original time limit (" + originalSpan + " working days)");
        }
        return days;
    }

    /** The longest extension for a handling limit of so many working days. */
    public static int longest(int originalSpan) {
        return Math.max(1, originalSpan);
    }
}
