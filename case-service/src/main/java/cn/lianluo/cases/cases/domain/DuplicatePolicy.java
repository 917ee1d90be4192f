package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.OtherCase;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;

import java.util.UUID;

/**
 * 重复件: a case flagged at intake as a possible duplicate of an open case is either merged into an open case of its
 * own county (合并办理: it ends there, and its citizen is shown that case's answer) or unlinked (the flag is cleared).
 * Both are for flagged cases only ({@link CaseLoop#allowed}): the case merged into may be the one flagged or another
 * open case of the same matter that staff know of.
 */
public final class DuplicatePolicy {

    private DuplicatePolicy() {
    }

    /** 合并办理 and 取消重复标记 are for a flagged case: one without the flag is a conflict that says so. */
    public static void requireFlagged(CaseLoop.State s, CaseCommand command) {
        if (!s.possibleDuplicate() && s.status() != CaseStatus.MERGED) {
            throw ProblemException.conflict("not-a-possible-duplicate", "the case is not flagged as a possible "
                    + "duplicate (possibleDuplicateOf is null): there is nothing to " + command.path());
        }
    }

    /**
     * The case a duplicate is merged into, if it is another case of the same county that is still open; a merged case
     * would hand its citizen an answer that never comes, a closed one an answer already given to someone else.
     */
    public static OtherCase requireOpenTarget(RegionCode ownRegion, UUID self, OtherCase into) {
        String field = CommandField.INTO_CASE_ID.json();
        if (into.id().equals(self)) {
            throw ProblemException.unprocessable("merge-into-itself", field, "a case is merged into another case");
        }
        if (!county(into.region()).equals(county(ownRegion))) {
            throw ProblemException.unprocessable("merge-other-county", field, "case " + into.id() + " belongs to "
                    + into.region() + ", another county than " + ownRegion + "; duplicates are merged within a county");
        }
        if (into.status() == CaseStatus.MERGED) {
            throw ProblemException.conflict("merge-target-merged", "case " + into.id()
                    + " is itself merged into another case; merge into that one");
        }
        if (into.status() == CaseStatus.CLOSED) {
            throw ProblemException.conflict("merge-target-closed", "case " + into.id()
                    + " is closed; a duplicate is merged into an open case (reopen it first, or unlink the duplicate)");
        }
        return into;
    }

    /**
     * Whether the citizen of a merged case may rate the answer it was given: once the case it was merged into is closed
     * (its answer final: while it is only replied, its own citizen's rating may still reopen it), and once only. The
     * rating is the merged case's own; a matter counts once, so it counts in no figure or points (the case merged into
     * is rated and counted for the matter).
     */
    public static void requireRateableMerged(CaseStatus answeringStatus, boolean alreadyRated) {
        if (alreadyRated) {
            throw ProblemException.conflict("already-rated", "this reply has already been rated");
        }
        if (answeringStatus != CaseStatus.CLOSED) {
            throw ProblemException.conflict("not-replied", "a merged case is rated once the case it was merged into "
                    + "is closed with its answer; it is " + answeringStatus);
        }
    }

    /** Whether {@link #requireRateableMerged} allows a rating now. */
    public static boolean rateableMerged(CaseStatus answeringStatus, boolean alreadyRated) {
        return !alreadyRated && answeringStatus == CaseStatus.CLOSED;
    }

    /**
     * The county of a case's region: duplicates are looked for, and merged, within it. Cases belong to a county or a
     * region inside one (intake refuses broader ones).
     */
    public static RegionCode county(RegionCode region) {
        RegionCode r = region;
        while (r.level().ordinal() > RegionLevel.COUNTY.ordinal() && r.parent().isPresent()) {
            r = r.parent().get();
        }
        return r;
    }
}
