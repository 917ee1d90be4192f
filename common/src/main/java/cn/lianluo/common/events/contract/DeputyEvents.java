package cn.lianluo.common.events.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events of {@code deputy.events}, keyed by the deputy's id: their types and data. No event carries a whole phone
 * number. A change that breaks a consumer is a new version.
 */
public final class DeputyEvents {

    public static final String TOPIC = "deputy.events";

    public static final String REGISTERED = "lianluo.deputy.registered.v1";
    public static final String UPDATED = "lianluo.deputy.updated.v1";
    public static final String ASSIGNED = "lianluo.deputy.assigned.v1";
    public static final String UNASSIGNED = "lianluo.deputy.unassigned.v1";
    public static final String MANDATE_ADDED = "lianluo.deputy.mandate-added.v1";
    public static final String MANDATE_ENDED = "lianluo.deputy.mandate-ended.v1";
    public static final String GROUP_JOINED = "lianluo.deputy.group-joined.v1";
    public static final String GROUP_LEFT = "lianluo.deputy.group-left.v1";

    private DeputyEvents() {
    }

    public record MandateData(String level, int term, LocalDate termStart, LocalDate termEnd, String status) {
    }

    /** For registered and updated: who the deputy is and where; the phone masked. */
    public record DeputyData(UUID deputyId, String name, String gender, String ethnicity, String regionCode,
                             String phoneMasked, boolean active, List<MandateData> mandates) {
    }

    public record Assigned(UUID deputyId, UUID stationId, String stationRegionCode, boolean home, LocalDate from) {
    }

    public record Unassigned(UUID deputyId, UUID stationId, boolean home, LocalDate until) {
    }

    /** For mandate-added and mandate-ended. */
    public record MandateChanged(UUID deputyId, String regionCode, MandateData mandate, boolean deputyActive,
                                 String reason) {
    }

    /** For group-joined and group-left. */
    public record GroupMembership(UUID groupId, String groupName, String kind, UUID deputyId, LocalDate on) {
    }

    public static final EventContract CONTRACT = EventContract.of(TOPIC)
            .with(DeputyData.class, REGISTERED, UPDATED)
            .with(Assigned.class, ASSIGNED)
            .with(Unassigned.class, UNASSIGNED)
            .with(MandateChanged.class, MANDATE_ADDED, MANDATE_ENDED)
            .with(GroupMembership.class, GROUP_JOINED, GROUP_LEFT);
}
