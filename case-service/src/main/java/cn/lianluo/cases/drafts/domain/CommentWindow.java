package cn.lianluo.cases.drafts.domain;

import cn.lianluo.common.problem.ProblemException;

import java.time.LocalDate;

/** A draft takes comments from its opening day to its closing day, both included (China time). */
public record CommentWindow(LocalDate opensOn, LocalDate closesOn) {

    public CommentWindow {
        if (closesOn.isBefore(opensOn)) {
            throw ProblemException.invalid("closesOn", "a draft closes on or after the day it opens");
        }
    }

    public boolean isOpen(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** 409 unless comments are taken {@code today}. */
    public void requireOpen(LocalDate today) {
        if (today.isBefore(opensOn)) {
            throw ProblemException.conflict("draft-not-open", "this draft takes comments from " + opensOn);
        }
        if (today.isAfter(closesOn)) {
            throw ProblemException.conflict("draft-closed", "this draft took comments until " + closesOn);
        }
    }
}
