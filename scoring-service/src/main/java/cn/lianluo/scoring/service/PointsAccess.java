package cn.lianluo.scoring.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;

import java.util.UUID;

/** Who may see and publish what of 履职积分: the scope checks of the read side. */
public final class PointsAccess {

    private PointsAccess() {
    }

    /**
     * A deputy sees their own points; ADMIN, SUPERVISOR and STATION_STAFF see those of the deputies within their
     * scope; anyone else is refused (403).
     */
    public static void requireMaySee(UUID deputyId, String deputyRegion, Caller caller) {
        boolean self = caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(deputyId.toString()::equals).orElse(false);
        if (self) {
            return;
        }
        if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.STATION_STAFF)) {
            throw ProblemException.forbidden("a deputy sees only their own points");
        }
        caller.requireWithin(RegionCode.of(deputyRegion));
    }

    /** A region's table is published by someone whose scope holds the region. */
    public static void requireMayPublish(RegionCode region, Caller caller) {
        caller.requireWithin(region);
    }
}
