package cn.lianluo.deputy.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The events of {@code deputy.events}. No event carries a whole phone number. */
public final class DeputyEvents {

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

    public record MandateChanged(UUID deputyId, String regionCode, MandateData mandate, boolean deputyActive,
                                 String reason) {
    }

    public record GroupMembership(UUID groupId, String groupName, String kind, UUID deputyId, LocalDate on) {
    }
}
