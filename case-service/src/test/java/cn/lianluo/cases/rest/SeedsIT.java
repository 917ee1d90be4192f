package cn.lianluo.cases.rest;

import cn.lianluo.cases.seeds.SeedLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SeedsIT {

    static final Path SEEDS = Path.of("../seeds");

    @Inject
    SeedLoader seeds;
    @Inject
    EntityManager em;

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void the_seeds_are_there_and_loading_them_again_changes_nothing() throws Exception {
        long seededUnits = Files.readString(SEEDS.resolve("units.json")).split("\"seedKey\"", -1).length - 1;
        assertThat(seededUnits).isPositive();
        assertThat(count("SELECT count(*) FROM unit WHERE seed_key IS NOT NULL")).isEqualTo(seededUnits);
        long categories = count("SELECT count(*) FROM category");
        long days = count("SELECT count(*) FROM calendar_day");
        long units = count("SELECT count(*) FROM unit");
        long events = count("SELECT count(*) FROM outbox");
        assertThat(categories).isPositive();
        assertThat(days).isPositive();

        assertThat(seeds.load(SEEDS)).isEqualTo(new SeedLoader.Loaded(0, 0, 0));

        assertThat(count("SELECT count(*) FROM category")).isEqualTo(categories);
        assertThat(count("SELECT count(*) FROM calendar_day")).isEqualTo(days);
        assertThat(count("SELECT count(*) FROM unit")).isEqualTo(units);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(events);
    }
}
