package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;

import java.util.Optional;

/**
 * 联络站+基层治理网格: a case that came in through the grid names its grid (网格), and only such a case does. A grid
 * worker (网格员) is station staff whose token carries the grid: what they submit comes through their own grid, so the
 * channel defaults to GRID and the grid to theirs; another channel or another grid is not theirs to claim (403, as a
 * deputy naming another deputy is).
 */
public final class GridPolicy {

    /** What a case records of where it came from. */
    public record Origin(Channel channel, String gridId) {
    }

    private GridPolicy() {
    }

    /**
     * @param channel    the channel as the intake rules gave it (for a grid worker who named none: GRID)
     * @param gridId     the request's gridId, null when absent
     * @param callerGrid the caller's gridId claim, empty for everyone but a grid worker
     */
    public static Origin origin(Channel channel, String gridId, Optional<String> callerGrid) {
        if (callerGrid.isPresent()) {
            String own = callerGrid.get();
            if (channel != Channel.GRID) {
                throw ProblemException.forbidden("a grid worker (gridId " + own + ") takes cases in through the grid: "
                        + "channel GRID, not " + channel);
            }
            if (gridId != null && !gridId.equals(own)) {
                throw ProblemException.forbidden("a grid worker submits for their own grid " + own + ", not " + gridId);
            }
            return new Origin(Channel.GRID, own);
        }
        if (channel == Channel.GRID && gridId == null) {
            throw ProblemException.invalid("gridId", "a case that comes in through the grid (channel GRID) names its grid");
        }
        if (channel != Channel.GRID && gridId != null) {
            throw ProblemException.invalid("gridId", "only a case with channel GRID names a grid, not one with channel " + channel);
        }
        return new Origin(channel, gridId);
    }
}
