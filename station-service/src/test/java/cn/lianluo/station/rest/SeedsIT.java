package cn.lianluo.station.rest;

import cn.lianluo.station.service.SeedLoader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SeedsIT {

    @Inject
    SeedLoader seeds;
    @Inject
    EntityManager em;

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void the_seed_report_townships_are_there_with_their_practices() {
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '430903105' AND type = 'STATION'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '431021102' AND type = 'STATION' AND standard_met")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '431021102' AND type = 'INDUSTRY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '433124108' AND type = 'POINT' AND parent_station_id IS NOT NULL")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '431321002' AND features @> '[\"MAILBOX\"]'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM station WHERE region_code = '431228212' AND schedules @> '[{\"kind\":\"EVERY_N_DAYS\"}]'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM calendar_day WHERE day BETWEEN '2026-10-01' AND '2026-10-07' AND NOT working")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM calendar_day WHERE working AND day BETWEEN '2026-01-01' AND '2026-12-31'")).isEqualTo(6);
    }

    @Test
    void loading_the_seeds_again_changes_nothing() {
        long stations = count("SELECT count(*) FROM station");
        long regions = count("SELECT count(*) FROM region");
        long events = count("SELECT count(*) FROM outbox");

        assertThat(seeds.loadStations(Path.of("../seeds/stations.json"))).isZero();

        assertThat(count("SELECT count(*) FROM station")).isEqualTo(stations);
        assertThat(count("SELECT count(*) FROM region")).isEqualTo(regions);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(events);
    }
}
