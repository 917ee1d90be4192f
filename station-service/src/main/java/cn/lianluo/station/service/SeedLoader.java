package cn.lianluo.station.service;

import cn.lianluo.common.data.SeedRows;
import cn.lianluo.common.data.StartupLock;
import cn.lianluo.station.config.SeedConfig;
import cn.lianluo.station.domain.StandardItem;
import cn.lianluo.station.persistence.StationRepository;
import cn.lianluo.station.service.StationDtos.StandardItemInput;
import cn.lianluo.station.service.StationDtos.StandardRequest;
import cn.lianluo.station.service.StationDtos.StationRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Loads the demo data at start-up when a seeds folder is named: the working-day calendar and the seed report's
 * stations (the region tree they sit in is reference data, {@link RegionTrees}, loaded before). Every row is inserted
 * only when missing, so loading twice changes nothing (and never overwrites what staff edited).
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final String SEED_AUTHOR = "seed";

    private final SeedConfig config;
    private final EntityManager em;
    private final StationService stations;
    private final StationRepository stationRows;
    private final ObjectMapper mapper;

    private final StartupLock startupLock;

    public SeedLoader(SeedConfig config, EntityManager em, StationService stations, StationRepository stationRows,
                      ObjectMapper mapper, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.config = config;
        this.em = em;
        this.stations = stations;
        this.stationRows = stationRows;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        // replicas starting together load one after the other (the second finds everything there)
        config.dir().filter(d -> !d.isBlank()).map(Path::of).ifPresent(dir -> startupLock.run("lianluo-seeds", () -> {
            int created = loadStations(dir.resolve("stations.json"));
            LOG.infof("seeds from %s: %d new stations", dir, created);
        }));
    }

    /** The seed stations; each is registered (with its event) only when its seed key is not there yet. */
    public int loadStations(Path json) {
        if (!Files.exists(json)) {
            return 0;
        }
        SeedFile file;
        try {
            file = mapper.readValue(json.toFile(), SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
        // the keys already there, in one query (a transaction per station at every start otherwise)
        Set<String> present = QuarkusTransaction.requiringNew().call(() -> SeedRows.existingKeys(em, "station",
                file.stations().stream().flatMap(seed -> copies(seed).mapToObj(n -> key(seed, n))).toList()));
        int created = 0;
        for (SeedStation seed : file.stations()) {
            for (int n : copies(seed).toArray()) {
                if (!present.contains(key(seed, n))) {
                    created += seedOne(seed, String.valueOf(n)) ? 1 : 0;
                }
            }
        }
        return created;
    }

    private static IntStream copies(SeedStation seed) {
        return IntStream.rangeClosed(1, seed.copies() == null ? 1 : seed.copies());
    }

    private static String key(SeedStation seed, int n) {
        return seed.seedKey().replace("{n}", String.valueOf(n));
    }

    @Transactional
    boolean seedOne(SeedStation seed, String n) {
        String key = seed.seedKey().replace("{n}", n);
        if (stationRows.findBySeedKey(key).isPresent()) {
            return false;
        }
        StationRequest s = seed.station();
        var parent = seed.parentSeedKey() == null ? null
                : stationRows.findBySeedKey(seed.parentSeedKey()).orElseThrow(() ->
                new IllegalStateException("seed " + key + ": parent " + seed.parentSeedKey() + " comes later or is missing")).id;
        StationRequest request = new StationRequest(s.type(), s.name().replace("{n}", n), s.regionCode(),
                s.address() == null ? null : s.address().replace("{n}", n), s.latitude(), s.longitude(),
                s.contactPerson(), s.contactPhone(), s.notice(), parent, s.features(), s.schedules(), s.rules());
        var created = stations.register(request, key, SEED_AUTHOR, Optional.empty());
        if (seed.standard() != null && !seed.standard().isEmpty()) {
            stations.assessStandard(created.id(), new StandardRequest(seed.standard().entrySet().stream()
                    .map(e -> new StandardItemInput(e.getKey(), true, e.getValue())).toList()), SEED_AUTHOR, Optional.empty());
        }
        return true;
    }

    public record SeedFile(List<SeedStation> stations) {
    }

    public record SeedStation(String seedKey, String parentSeedKey, Integer copies, StationRequest station,
                              Map<StandardItem, String> standard) {
    }

}
