package cn.lianluo.scoring.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.persistence.RuleSetRepository;
import cn.lianluo.scoring.persistence.RuleSetRepository.StoredVersion;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import cn.lianluo.scoring.service.PointsDtos.RuleSetView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versioned rule sets per region and year; a region without its own uses its nearest ancestor's. */
@ApplicationScoped
public class Rules {

    /** @param carriedFrom the earlier year whose rule set this is, applied in {@code rules().year()} (沿用); null if its own */
    public record Stored(RuleSet rules, RuleSetBody body, Instant publishedAt, Integer carriedFrom) {
    }

    private final RuleSetRepository versions;
    private final ObjectMapper mapper;

    public Rules(RuleSetRepository versions, ObjectMapper mapper) {
        this.versions = versions;
        this.mapper = mapper;
    }

    /** The latest version of the rule set that applies to a region in a year, its own or inherited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Stored> effective(RegionCode region, int year) {
        return resolver(year).apply(region);
    }

    public Optional<Stored> latest(String region, int year) {
        return versions.latest(region, year).map(this::stored);
    }

    private Stored stored(StoredVersion v) {
        RuleSetBody read = read(v.bodyJson());
        return new Stored(toRules(v.regionCode(), v.year(), v.version(), read), read, v.createdAt(), null);
    }

    /**
     * {@link #effective} for many regions at once (a province's table, its alerts): every region's latest rule set
     * of the year and of the years before is read in one query and each region resolved in memory, once. A region
     * whose chain has no rule set for the year keeps the one of the latest earlier year that has one (沿用), with its
     * flag date moved into the year, until a rule set for the year is published: points do not stop on 1 January.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.function.Function<RegionCode, Optional<Stored>> resolver(int year) {
        // year, newest first -> region -> its latest version
        java.util.NavigableMap<Integer, java.util.Map<String, StoredVersion>> byYear = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        versions.latestUpTo(year).forEach(v -> byYear.computeIfAbsent(v.year(), y -> new java.util.HashMap<>()).put(v.regionCode(), v));
        java.util.Map<String, Optional<Stored>> resolved = new java.util.HashMap<>();
        return region -> resolved.computeIfAbsent(region.value(), code -> {
            for (var ofYear : byYear.entrySet()) {
                for (Optional<RegionCode> r = Optional.of(region); r.isPresent(); r = r.get().parent()) {
                    StoredVersion row = ofYear.getValue().get(r.get().value());
                    if (row != null) {
                        Stored own = stored(row);
                        return Optional.of(ofYear.getKey() == year ? own : carried(own, year));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** An earlier year's rule set applied in a later year: the same values, its flag date in that year, a note saying so. */
    private static Stored carried(Stored from, int year) {
        RuleSetBody b = from.body();
        String carried = "沿用 " + from.rules().year() + " 年第 " + from.rules().version() + " 版规则";
        RuleSetBody body = new RuleSetBody(b.points(), b.caps(), b.grades(), b.requiredStationEntries(),
                b.flagDate() == null ? null : b.flagDate().withYear(year), b.lowScore(),
                b.note() == null || b.note().isBlank() ? carried : b.note() + "(" + carried + ")");
        return new Stored(toRules(from.rules().regionCode(), year, from.rules().version(), body), body, from.publishedAt(),
                from.rules().year());
    }

    /** Publishes the next version of a region's rule set for a year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RuleSet publish(RegionCode region, int year, RuleSetBody body, String author, Instant at) {
        int version = latest(region.value(), year).map(s -> s.rules().version()).orElse(0) + 1;
        RuleSet rules;
        try {
            rules = toRules(region.value(), year, version, body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("rules", e.getMessage());
        }
        try {
            versions.insert(region.value(), year, version, mapper.writeValueAsString(body), at, author);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rules;
    }

    public static RuleSet toRules(String region, int year, int version, RuleSetBody b) {
        Map<FactType, RuleSet.Cap> caps = new EnumMap<>(FactType.class);
        if (b.caps() != null) {
            b.caps().forEach((type, cap) -> caps.put(type, cap == null ? null : new RuleSet.Cap(
                    cap.period() == null ? null : RuleSet.Period.valueOf(cap.period().name()), cap.max())));
        }
        List<RuleSet.GradeBand> grades = b.grades() == null ? List.of()
                : b.grades().stream().map(g -> new RuleSet.GradeBand(g.name(), g.minPoints())).toList();
        return new RuleSet(region, year, version, b.points(), caps, grades, b.requiredStationEntries(), b.flagDate(),
                b.lowScore() == null ? 0 : b.lowScore());
    }

    public RuleSetView view(Stored s, RegionCode asked) {
        return new RuleSetView(asked.value(), s.rules().regionCode().equals(asked.value()) ? null : s.rules().regionCode(),
                s.rules().year(), s.rules().version(), s.body(), s.publishedAt());
    }

    private RuleSetBody read(String json) {
        try {
            return mapper.readValue(json, RuleSetBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule set cannot be read", e);
        }
    }
}
