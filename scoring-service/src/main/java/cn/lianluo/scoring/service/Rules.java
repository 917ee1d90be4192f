package cn.lianluo.scoring.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import cn.lianluo.scoring.service.PointsDtos.RuleSetView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Versioned rule sets per region and year; a region without its own uses its nearest ancestor's. */
@ApplicationScoped
public class Rules {

    /** @param carriedFrom the earlier year whose rule set this is, applied in {@code rules().year()} (沿用); null if its own */
    public record Stored(RuleSet rules, RuleSetBody body, Instant publishedAt, Integer carriedFrom) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Rules(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The latest version of the rule set that applies to a region in a year, its own or inherited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Stored> effective(RegionCode region, int year) {
        return resolver(year).apply(region);
    }

    public Optional<Stored> latest(String region, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, body, created_at FROM rule_set WHERE region_code = ?1 AND year = ?2 "
                + "ORDER BY version DESC LIMIT 1").setParameter(1, region).setParameter(2, year).getResultList();
        return rows.stream().findFirst().map(r -> stored(region, year, r[0], r[1], r[2]));
    }

    private Stored stored(String region, int year, Object version, Object body, Object createdAt) {
        RuleSetBody read = read((String) body);
        return new Stored(toRules(region, year, ((Number) version).intValue(), read), read, createdAt instanceof Instant i
                ? i : ((java.sql.Timestamp) createdAt).toInstant(), null);
    }

    /**
     * {@link #effective} for many regions at once (a province's table, its alerts): every region's latest rule set
     * of the year and of the years before is read in one query and each region resolved in memory, once. A region
     * whose chain has no rule set for the year keeps the one of the latest earlier year that has one (沿用), with its
     * flag date moved into the year, until a rule set for the year is published: points do not stop on 1 January.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.function.Function<RegionCode, Optional<Stored>> resolver(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (year, region_code) region_code, year, version, body, "
                + "created_at FROM rule_set WHERE year <= ?1 ORDER BY year DESC, region_code, version DESC")
                .setParameter(1, year).getResultList();
        // year, newest first -> region -> the row of its latest version
        java.util.NavigableMap<Integer, java.util.Map<String, Object[]>> byYear = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        rows.forEach(r -> byYear.computeIfAbsent(((Number) r[1]).intValue(), y -> new java.util.HashMap<>()).put((String) r[0], r));
        java.util.Map<String, Optional<Stored>> resolved = new java.util.HashMap<>();
        return region -> resolved.computeIfAbsent(region.value(), code -> {
            for (var ofYear : byYear.entrySet()) {
                for (Optional<RegionCode> r = Optional.of(region); r.isPresent(); r = r.get().parent()) {
                    Object[] row = ofYear.getValue().get(r.get().value());
                    if (row != null) {
                        Stored own = stored((String) row[0], ofYear.getKey(), row[2], row[3], row[4]);
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
            em.createNativeQuery("INSERT INTO rule_set (id, region_code, year, version, body, created_at, created_by) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, UUID.randomUUID()).setParameter(2, region.value())
                    .setParameter(3, year).setParameter(4, version).setParameter(5, mapper.writeValueAsString(body))
                    .setParameter(6, at).setParameter(7, author).executeUpdate();
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
