package cn.lianluo.scoring.service;

import cn.lianluo.common.data.StartupLock;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Publishes the example rule sets of {@code seeds/points-rules.json} as version 1 where a region has none yet. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    public record Seed(String regionCode, int year, RuleSetBody rules) {
    }

    public record SeedFile(List<Seed> ruleSets) {
    }

    private final Optional<String> dir;
    private final ObjectMapper mapper;
    private final Rules rules;
    private final Ledger ledger;

    private final StartupLock startupLock;

    public SeedLoader(@ConfigProperty(name = "lianluo.seed.dir") Optional<String> dir, ObjectMapper mapper, Rules rules, Ledger ledger, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.dir = dir;
        this.mapper = mapper;
        this.rules = rules;
        this.ledger = ledger;
    }

    void onStart(@Observes StartupEvent event) {
        // replicas starting together load one after the other (the second finds everything there)
        dir.filter(d -> !d.isBlank()).map(d -> Path.of(d, "points-rules.json")).filter(Files::exists)
                .ifPresent(file -> startupLock.run("lianluo-seeds", () -> load(file)));
    }

    public int load(Path file) {
        SeedFile seeds;
        try {
            seeds = mapper.readValue(file.toFile(), SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int published = 0;
        for (Seed seed : seeds.ruleSets()) {
            published += QuarkusTransaction.requiringNew().call(() -> {
                if (rules.latest(RegionCode.of(seed.regionCode()).value(), seed.year()).isPresent()) {
                    return 0;
                }
                ledger.recompute(rules.publish(RegionCode.of(seed.regionCode()), seed.year(), seed.rules(), "seed", Instant.now()), "seed");
                return 1;
            });
        }
        LOG.infof("seeds from %s: %d rule sets published", file, published);
        return published;
    }
}
