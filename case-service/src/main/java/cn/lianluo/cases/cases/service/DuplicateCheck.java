package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseLocation;
import cn.lianluo.cases.cases.domain.DuplicatePolicy;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.config.DuplicatesConfig;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * 重复件 at intake: the open case of the same county, received within the window ({@link DuplicatesConfig}), that a new
 * case looks like — one from the same citizen's phone (the keyed hashes of the sealed phones are equal), or else one of
 * the same place (within the distance when both have a location, the same address text when not) whose title and
 * content are similar by pg_trgm. The same phone comes first, then the most similar text, then the latest.
 */
@ApplicationScoped
public class DuplicateCheck {

    /** The text compared by pg_trgm: the title and the content. */
    private static final String TEXT = "(title || ' ' || content)";
    /** The haversine distance in metres from the new case's place, in SQL (as GCJ-02 allows at a street's scale). */
    private static final String DISTANCE = "2 * 6371008.8 * asin(sqrt(least(1, power(sin(radians(lat - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(lat)) * power(sin(radians(lng - :lng) / 2), 2))))";

    private final CaseRepositories.Cases cases;
    private final DuplicatesConfig config;

    public DuplicateCheck(CaseRepositories.Cases cases, DuplicatesConfig config) {
        this.cases = cases;
        this.config = config;
    }

    /** The open case {@code c} (sealed, not yet stored) may repeat, if any. */
    public Optional<UUID> possibleDuplicateOf(CaseEntity c, Instant now) {
        Optional<CaseLocation> place = c.lat == null ? Optional.empty() : Optional.of(new CaseLocation(c.lat, c.lng));
        String address = normalised(c.address);
        StringBuilder samePlace = new StringBuilder();
        if (place.isPresent()) {
            samePlace.append("(lat IS NOT NULL AND ").append(DISTANCE).append(" <= :metres)");
        }
        if (address != null) {
            if (!samePlace.isEmpty()) {
                samePlace.append(" OR ");
            }
            // the address decides only when one of the two has no location
            samePlace.append("(").append(place.isPresent() ? "lat IS NULL AND " : "")
                    .append("regexp_replace(lower(address), '\\s', '', 'g') = :address)");
        }
        String similar = samePlace.isEmpty() ? "false"
                : "((" + samePlace + ") AND similarity(" + TEXT + ", :text) >= :similarity)";
        String samePhone = c.citizenPhoneHash == null ? "false" : "citizen_phone_hash = :phoneHash";
        // no result class (the driver returns the uuid as a UUID): Hibernate 7.2 cannot compare a native query's mapping
        // to a result class, so every call cached another plan under the same key hash and the lookups went through all
        // of them (a fifth of case-service's CPU at intake; docs/performance.md); the project's native queries take none
        Query query = cases.getEntityManager().createNativeQuery("SELECT id FROM citizen_case"
                + " WHERE status NOT IN ('CLOSED', 'MERGED') AND received_at >= :since AND region_code LIKE :county"
                + " AND (" + samePhone + " OR " + similar + ")"
                + " ORDER BY (" + samePhone + ") DESC NULLS LAST, " + (samePlace.isEmpty() ? "" : "similarity(" + TEXT + ", :text) DESC, ")
                + "received_at DESC LIMIT 1");
        query.setParameter("since", now.minus(Duration.ofDays(config.windowDays())));
        query.setParameter("county", DuplicatePolicy.county(RegionCode.of(c.regionCode)).likePattern());
        if (c.citizenPhoneHash != null) {
            query.setParameter("phoneHash", c.citizenPhoneHash);
        }
        if (!samePlace.isEmpty()) {
            query.setParameter("text", c.title + " " + c.content);
            query.setParameter("similarity", config.similarity());
        }
        place.ifPresent(p -> {
            query.setParameter("lat", p.lat());
            query.setParameter("lng", p.lng());
            query.setParameter("metres", (double) config.distanceMetres());
        });
        if (address != null) {
            query.setParameter("address", address);
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = query.getResultList();
        return found.stream().findFirst();
    }

    /** An address compared without case and blanks; null when none was given. */
    static String normalised(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        // (?U): the full-width space 　 too, as PostgreSQL's \s in the query matches it
        return address.toLowerCase(Locale.ROOT).replaceAll("(?U)\\s", "");
    }
}
