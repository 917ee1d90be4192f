package cn.lianluo.station.domain;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.region.RegionCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may be named on duty at a reception (进站接待) or as a participant of an activity: each named deputy earns an
 * entry and points from it, so only a deputy who exists, holds an active mandate and belongs to the place may be
 * named — assigned to the station, or (for an activity without a station) to a station inside its region, or whose
 * own region lies inside the place's region. The place itself lies inside the caller's scope (checked first, 403),
 * so a deputy who belongs to it lies inside that scope too: a deputy of another county belongs to none of its places.
 */
public final class DeputiesOnDuty {

    /** What station-service knows of a deputy: their region, whether active, and the regions of their stations by id. */
    public record Deputy(UUID id, RegionCode region, boolean active, Map<UUID, RegionCode> stations) {
    }

    /** Where the deputies were: a station (and its region), or a region alone. */
    public record Place(UUID stationId, RegionCode region) {

        boolean welcomes(Deputy deputy) {
            if (region.contains(deputy.region())) {
                return true;
            }
            return stationId != null ? deputy.stations().containsKey(stationId)
                    : deputy.stations().values().stream().anyMatch(region::contains);
        }

        String describe() {
            return stationId != null ? "station " + stationId + " (" + region + ")" : "region " + region;
        }
    }

    private DeputiesOnDuty() {
    }

    /**
     * One error for each named deputy who may not be credited there, at the index of its first mention
     * ({@code field[i]}); empty when every one may.
     */
    public static List<FieldError> refusals(String field, List<UUID> named, Map<UUID, Deputy> known, Place place) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            UUID id = named.get(i);
            if (!seen.add(id)) {
                continue;
            }
            Deputy deputy = known.get(id);
            String problem = deputy == null ? "deputy " + id + " is not a registered deputy (or not yet known to station-service)"
                    : !deputy.active() ? "deputy " + id + " holds no active mandate"
                    : !place.welcomes(deputy) ? "deputy " + id + " of region " + deputy.region() + " neither is assigned to nor lives in "
                    + place.describe()
                    : null;
            if (problem != null) {
                errors.add(new FieldError(field + "[" + i + "]", problem));
            }
        }
        return errors;
    }
}
