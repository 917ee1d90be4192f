package cn.lianluo.station.domain;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.region.RegionCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeputiesOnDutyTest {

    static final UUID STATION = UUID.randomUUID();
    static final DeputiesOnDuty.Place AT_STATION = new DeputiesOnDuty.Place(STATION, RegionCode.of("431321002"));
    static final DeputiesOnDuty.Place IN_REGION = new DeputiesOnDuty.Place(null, RegionCode.of("431321002"));

    static DeputiesOnDuty.Deputy deputy(String region, boolean active, Map<UUID, RegionCode> stations) {
        return new DeputiesOnDuty.Deputy(UUID.randomUUID(), RegionCode.of(region), active, stations);
    }

    static List<FieldError> refusals(DeputiesOnDuty.Place place, DeputiesOnDuty.Deputy... deputies) {
        Map<UUID, DeputiesOnDuty.Deputy> known = new java.util.HashMap<>();
        for (DeputiesOnDuty.Deputy d : deputies) {
            known.put(d.id(), d);
        }
        return DeputiesOnDuty.refusals("deputyIds", java.util.Arrays.stream(deputies).map(DeputiesOnDuty.Deputy::id).toList(), known, place);
    }

    @Test
    void a_resident_of_the_stations_region_and_a_deputy_assigned_to_it_may_be_on_duty() {
        assertThat(refusals(AT_STATION, deputy("431321002", true, Map.of()),
                deputy("4313", true, Map.of(STATION, RegionCode.of("431321002"))))).isEmpty();
    }

    @Test
    void a_deputy_of_another_county_an_inactive_one_and_an_unknown_id_are_each_refused_at_their_index() {
        DeputiesOnDuty.Deputy ok = deputy("431321002", true, Map.of());
        DeputiesOnDuty.Deputy foreign = deputy("433124108", true, Map.of());
        DeputiesOnDuty.Deputy inactive = deputy("431321002", false, Map.of());
        UUID unknown = UUID.randomUUID();
        List<FieldError> errors = DeputiesOnDuty.refusals("deputyIds", List.of(ok.id(), foreign.id(), inactive.id(), unknown, unknown),
                Map.of(ok.id(), ok, foreign.id(), foreign, inactive.id(), inactive), AT_STATION);
        assertThat(errors).extracting(FieldError::field).containsExactly("deputyIds[1]", "deputyIds[2]", "deputyIds[3]");
        assertThat(errors.get(0).message()).contains(foreign.id().toString());
        assertThat(errors.get(1).message()).contains(inactive.id().toString(), "active");
        assertThat(errors.get(2).message()).contains(unknown.toString());
    }

    @Test
    void a_deputy_assigned_to_another_station_of_another_region_does_not_belong_to_this_one() {
        assertThat(refusals(AT_STATION, deputy("4313", true, Map.of(UUID.randomUUID(), RegionCode.of("431321001"))))).hasSize(1);
    }

    @Test
    void an_activity_without_a_station_takes_residents_and_deputies_assigned_to_a_station_inside_its_region() {
        assertThat(refusals(IN_REGION, deputy("431321002", true, Map.of()),
                deputy("43", true, Map.of(UUID.randomUUID(), RegionCode.of("431321002001"))))).isEmpty();
        assertThat(refusals(IN_REGION, deputy("4313", true, Map.of()))).hasSize(1);
    }
}
