package cn.lianluo.cases.cases.service;

/**
 * A deadline kept outside the case loop that {@link DeadlineWatch} checks on each of its ticks: a suggestion's reply
 * deadline. The suggestions feature provides it (as {@code SuggestionService}), so that the case loop does not
 * depend on the feature that builds on it.
 */
public interface OverdueScan {

    /** Fires the overdue event, once, for each item whose deadline has passed; returns how many events it wrote. */
    int scanOverdue();
}
