package cn.lianluo.cases.livelihood.domain;

/**
 * 督资金's figures, in fen (分): the budget (预算), what was spent (支出) and what is left. Spending beyond the budget is
 * recorded as it happened and flagged here, never refused: the deputies supervising the funds need to see it.
 *
 * @param budgetFen null while no budget is set
 * @param spentFen  the sum of the spending records
 */
public record ProjectBudget(Long budgetFen, long spentFen) {

    /** What is left of the budget, negative once it is exceeded; null without a budget. */
    public Long remainingFen() {
        return budgetFen == null ? null : budgetFen - spentFen;
    }

    /** More spent than budgeted; never without a budget. */
    public boolean overBudget() {
        return budgetFen != null && spentFen > budgetFen;
    }
}
