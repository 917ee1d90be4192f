package cn.lianluo.notification.domain;

/** Whom a rule of the {@link RuleTable} speaks to, found in the event it reacts to. */
public enum Audience {
    /** The citizen of the case or of the appointment (代表有约), at the phone sealed in the event (SMS). */
    CITIZEN,
    /** The unit that has the case now ({@code unitId}). */
    UNIT,
    /** The unit the case left on a transfer or a return ({@code previousUnitId}). */
    PREVIOUS_UNIT,
    /** The staff of the station that took the case in ({@code stationId}). */
    STATION,
    /** The deputy the event is about ({@code deputyId}). */
    DEPUTY,
    /** Every active deputy of the event's region (from the local copy of deputy-service's events). */
    REGION_DEPUTIES;

    /** The channels this audience is reached by; an SMS or e-mail without an address is left out or skipped. */
    public java.util.List<Channel> channels() {
        return switch (this) {
            case CITIZEN -> java.util.List.of(Channel.SMS);
            case UNIT, PREVIOUS_UNIT -> java.util.List.of(Channel.INBOX, Channel.EMAIL);
            case STATION -> java.util.List.of(Channel.INBOX);
            case DEPUTY, REGION_DEPUTIES -> java.util.List.of(Channel.INBOX, Channel.SMS);
        };
    }
}
