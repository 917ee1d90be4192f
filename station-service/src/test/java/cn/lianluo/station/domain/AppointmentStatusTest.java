package cn.lianluo.station.domain;

import cn.lianluo.station.domain.AppointmentStatus.Command;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentStatusTest {

    @Test
    void a_booked_appointment_closes_once_by_each_command() {
        Map<Command, AppointmentStatus> expected = Map.of(Command.CANCEL, AppointmentStatus.CANCELLED,
                Command.MEET, AppointmentStatus.MET, Command.CITIZEN_NO_SHOW, AppointmentStatus.CITIZEN_NO_SHOW,
                Command.DEPUTY_NO_SHOW, AppointmentStatus.DEPUTY_NO_SHOW);
        for (Command command : Command.values()) {
            assertThat(AppointmentStatus.BOOKED.apply(command)).as(command.name()).isEqualTo(expected.get(command));
        }
    }

    @Test
    void a_closed_appointment_refuses_every_command_and_allows_none() {
        for (AppointmentStatus status : AppointmentStatus.values()) {
            if (status.open()) {
                continue;
            }
            assertThat(status.allowed()).as(status.name()).isEmpty();
            for (Command command : Command.values()) {
                assertThatThrownBy(() -> status.apply(command)).as(status + " " + command)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(status.name());
            }
        }
    }
}
