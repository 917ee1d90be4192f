package cn.lianluo.cases.seeds;

import cn.lianluo.common.data.SeedRows;
import cn.lianluo.common.data.StartupLock;
import cn.lianluo.cases.calendar.service.CalendarService;
import cn.lianluo.cases.cases.domain.DeadlinePolicy;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.region.RegionCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.cache.CacheManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads case-service's demo data at start-up when a seeds folder is named: the working-day calendar, the seed
 * townships' units and the example deadline policy (the categories are reference data, {@code CategoryService}, loaded
 * at every start). Only what is missing is inserted, so loading twice changes nothing. It calls several features, so
 * it lives in a package of its own rather than in {@code config}, which every feature uses.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    public record UnitSeed(String seedKey, String name, String regionCode, UnitService.UnitKind kind) {
    }

    public record PolicySeed(String regionCode, String note, DeadlinePolicy policy) {
    }

    public record Seeds(List<UnitSeed> units, PolicySeed policy) {
    }

    /** What a load inserted. */
    public record Loaded(int calendarDays, int units, int policies) {
    }

    private final Optional<String> dir;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final UnitService units;
    private final CalendarService calendars;

    private final StartupLock startupLock;
    private final CacheManager caches;

    public SeedLoader(@ConfigProperty(name = "lianluo.seed.dir") Optional<String> dir, EntityManager em, ObjectMapper mapper,
                      UnitService units, CalendarService calendars, StartupLock startupLock,
                      CacheManager caches) {
        this.startupLock = startupLock;
        this.caches = caches;
        this.dir = dir;
        this.em = em;
        this.mapper = mapper;
        this.units = units;
        this.calendars = calendars;
    }

    void onStart(@Observes StartupEvent event) {
        // replicas starting together load one after the other (the second finds everything there)
        dir.filter(d -> !d.isBlank()).map(Path::of).ifPresent(d -> startupLock.run("lianluo-seeds", () -> load(d)));
    }

    public Loaded load(Path seeds) {
        // every start checks the seeds: a round trip for all of a file, not one (or a transaction) per row
        int days = QuarkusTransaction.requiringNew().call(() -> calendarDays(seeds.resolve("calendar")));
        Seeds file;
        try {
            file = mapper.readValue(seeds.resolve("units.json").toFile(), Seeds.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + seeds.resolve("units.json"), e);
        }
        Set<String> present = QuarkusTransaction.requiringNew().call(() ->
                SeedRows.existingKeys(em, "unit", file.units().stream().map(UnitSeed::seedKey).toList()));
        int created = 0;
        for (UnitSeed unit : file.units()) {
            if (!present.contains(unit.seedKey())) {
                QuarkusTransaction.requiringNew().run(() -> units.create(
                        new UnitService.UnitRequest(unit.name(), unit.regionCode(), unit.kind()), null, unit.seedKey()));
                created++;
            }
        }
        int policies = QuarkusTransaction.requiringNew().call(() -> {
            RegionCode region = RegionCode.of(file.policy().regionCode());
            if (em.createNativeQuery("SELECT 1 FROM deadline_policy WHERE region_code = ?1")
                    .setParameter(1, region.value()).getResultList().isEmpty()) {
                calendars.setPolicy(region, file.policy().policy(), file.policy().note(), "seed", java.time.Instant.now());
                return 1;
            }
            return 0;
        });
        // the calendar was written around its service: what a request read meanwhile goes
        for (String cache : List.of("working-calendar")) {
            caches.getCache(cache).ifPresent(c -> c.invalidateAll().await().indefinitely());
        }
        LOG.infof("seeds from %s: %d calendar days, %d units, %d policies", seeds, days, created, policies);
        return new Loaded(days, created, policies);
    }

    /** Extra calendar days a seeds folder may bring; the official years ship in the jar (ReferenceCalendarLoader). */
    private int calendarDays(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".csv")).sorted().forEach(f -> rows.addAll(SeedRows.csv(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SeedRows.insertAll(em, "INSERT INTO calendar_day (day, working, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                rows, (statement, row) -> {
                    statement.setObject(1, LocalDate.parse(row[0].strip()));
                    statement.setBoolean(2, Boolean.parseBoolean(row[1].strip()));
                    statement.setString(3, row[2].strip());
                });
    }
}
