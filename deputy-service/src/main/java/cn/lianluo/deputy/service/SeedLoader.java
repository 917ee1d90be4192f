package cn.lianluo.deputy.service;

import cn.lianluo.common.data.SeedRows;
import cn.lianluo.common.data.StartupLock;
import cn.lianluo.common.events.SeedIds;
import cn.lianluo.deputy.config.SeedConfig;
import cn.lianluo.deputy.domain.Gender;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.service.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.service.DeputyDtos.MandateInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Loads the synthetic deputies of {@code seeds/deputies.json} at start-up. A deputy whose seed key is there
 * already is left alone, so loading twice changes nothing. Home stations are named by their stations' seed
 * keys (their ids derive from them), so the seeds do not wait for station.events.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final String AUTHOR = "seed";

    private final SeedConfig config;
    private final ObjectMapper mapper;
    private final DeputyService deputies;
    private final AssignmentService assignments;
    private final Repositories.Deputies deputyRows;

    private final StartupLock startupLock;

    public SeedLoader(SeedConfig config, ObjectMapper mapper, DeputyService deputies, AssignmentService assignments,
                      Repositories.Deputies deputyRows, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.config = config;
        this.mapper = mapper;
        this.deputies = deputies;
        this.assignments = assignments;
        this.deputyRows = deputyRows;
    }

    void onStart(@Observes StartupEvent event) {
        // replicas starting together load one after the other (the second finds everything there)
        config.dir().map(Path::of).map(dir -> dir.resolve("deputies.json")).filter(Files::exists).ifPresent(file ->
                startupLock.run("lianluo-seeds", () -> LOG.infof("seeds from %s: %d new deputies", file, load(file))));
    }

    public int load(Path file) {
        SeedFile seeds;
        try {
            seeds = mapper.readValue(file.toFile(), SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        // the keys already there, in one query (one per deputy took a second of every start)
        List<String> keys = seeds.batches().stream().flatMap(b -> IntStream.rangeClosed(1, b.copies()).mapToObj(n -> key(b, n))).toList();
        Set<String> present = QuarkusTransaction.requiringNew().call(() ->
                SeedRows.existingKeys(deputyRows.getEntityManager(), "deputy", keys));
        int created = 0;
        for (Batch batch : seeds.batches()) {
            for (int n = 1; n <= batch.copies(); n++) {
                int i = n;
                if (!present.contains(key(batch, n))) {
                    created += QuarkusTransaction.requiringNew().call(() -> seedOne(batch, i)) ? 1 : 0;
                }
            }
        }
        return created;
    }

    private static String key(Batch batch, int n) {
        return batch.seedKey().replace("{n}", String.valueOf(n));
    }

    private boolean seedOne(Batch batch, int n) {
        String key = key(batch, n);
        if (deputyRows.count("seedKey", key) > 0) {
            return false;
        }
        DeputyRequest request = new DeputyRequest(
                batch.namePrefix() + String.format("%02d", n),
                n % 3 == 0 ? Gender.FEMALE : Gender.MALE,
                pick(batch.ethnicities(), n),
                1960 + (n * 7) % 40,
                n % 4 == 0 ? "群众" : "中共党员",
                List.of("农民", "企业负责人", "专业技术人员", "基层干部", "工人").get(n % 5),
                batch.electoralUnits() == null ? null : pick(batch.electoralUnits(), n),
                batch.regionCode(),
                String.format("1390000%04d", (Math.abs(key.hashCode()) % 10000)),
                batch.mandates(),
                null);
        var registered = deputies.register(request, key, AUTHOR, "", false);
        assignments.makeHomeTrusted(registered.deputy(), SeedIds.of("station", pick(batch.homeStations(), n)), AUTHOR);
        return true;
    }

    private static String pick(List<String> values, int n) {
        return values.get((n - 1) % values.size());
    }

    public record SeedFile(List<Batch> batches) {
    }

    public record Batch(String seedKey, int copies, String namePrefix, String regionCode, List<String> ethnicities,
                        List<MandateInput> mandates, List<String> homeStations, List<String> electoralUnits) {
    }
}
