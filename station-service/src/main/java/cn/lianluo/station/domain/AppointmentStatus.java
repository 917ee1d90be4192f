package cn.lianluo.station.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Where a citizen's appointment with a deputy (代表有约) stands. It is booked, then closed once: cancelled by the
 * citizen, met, or missed by one side. A closed appointment no longer holds a place in its slot, and no longer stops
 * the same phone from booking the deputy again.
 */
public enum AppointmentStatus {
    BOOKED("已预约"),
    CANCELLED("已取消"),
    MET("已见面"),
    CITIZEN_NO_SHOW("群众未到"),
    DEPUTY_NO_SHOW("代表未到");

    /** What may happen to an appointment. */
    public enum Command { CANCEL, MEET, CITIZEN_NO_SHOW, DEPUTY_NO_SHOW }

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == BOOKED;
    }

    /** The status after {@code command}; {@link IllegalStateException} naming the allowed commands when it may not happen. */
    public AppointmentStatus apply(Command command) {
        if (this != BOOKED) {
            throw new IllegalStateException("the appointment is " + name() + " (" + label + "): allowed " + allowed());
        }
        return switch (command) {
            case CANCEL -> CANCELLED;
            case MEET -> MET;
            case CITIZEN_NO_SHOW -> CITIZEN_NO_SHOW;
            case DEPUTY_NO_SHOW -> DEPUTY_NO_SHOW;
        };
    }

    public List<Command> allowed() {
        return this == BOOKED ? Arrays.asList(Command.values()) : List.of();
    }
}
