package cn.lianluo.deputy.persistence;

import cn.lianluo.common.region.RegionCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.AvailableHints;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The Panache repositories of deputy-service. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class Deputies implements PanacheRepositoryBase<DeputyEntity, UUID> {

        /** The rows of a region's roll read at a time from the database's cursor. */
        private static final int FETCH = 500;

        /**
         * A region's roll as the export writes it, one row per active mandate (a person with two has two), read from a
         * cursor in the caller's transaction: name, gender, ethnicity, birth year, party, occupation, electoral unit,
         * region, phone, level, term, term start, term end, home station (or null).
         */
        public Stream<Object[]> roll(RegionCode region) {
            @SuppressWarnings("unchecked")
            Stream<Object[]> rows = getEntityManager().createNativeQuery("""
                    SELECT d.name, d.gender, d.ethnicity, d.birth_year, d.party, d.occupation_sector, d.electoral_unit,
                           d.region_code, d.phone, m.level, m.term, m.term_start, m.term_end, a.station_id
                      FROM deputy d
                      JOIN mandate m ON m.deputy_id = d.id AND m.status = 'ACTIVE'
                      LEFT JOIN assignment a ON a.deputy_id = d.id AND a.home AND a.until_date IS NULL
                     WHERE d.region_code LIKE :region
                     ORDER BY d.region_code, d.name, d.id, m.term_start, m.level""")
                    .setParameter("region", region.likePattern())
                    .setHint(AvailableHints.HINT_FETCH_SIZE, FETCH)
                    .setHint(AvailableHints.HINT_READ_ONLY, true)
                    .getResultStream();
            return rows;
        }

        /** The rows of {@link #roll}: a region's active mandates. */
        public long rollSize(RegionCode region) {
            return ((Number) getEntityManager().createNativeQuery("""
                    SELECT count(*) FROM deputy d JOIN mandate m ON m.deputy_id = d.id AND m.status = 'ACTIVE'
                     WHERE d.region_code LIKE :region""")
                    .setParameter("region", region.likePattern()).getSingleResult()).longValue();
        }
    }

    @ApplicationScoped
    public static class Mandates implements PanacheRepositoryBase<MandateEntity, UUID> {
        public List<MandateEntity> of(UUID deputyId) {
            return list("deputyId = ?1 order by termStart, level", deputyId);
        }
    }

    @ApplicationScoped
    public static class Assignments implements PanacheRepositoryBase<AssignmentEntity, UUID> {
        public List<AssignmentEntity> of(UUID deputyId) {
            return list("deputyId = ?1 order by fromDate, home desc", deputyId);
        }
    }

    @ApplicationScoped
    public static class Stations implements PanacheRepositoryBase<StationCopyEntity, UUID> {
    }

    @ApplicationScoped
    public static class Groups implements PanacheRepositoryBase<GroupEntity, UUID> {
    }

    @ApplicationScoped
    public static class Members implements PanacheRepositoryBase<GroupMemberEntity, UUID> {
        public List<GroupMemberEntity> of(UUID groupId) {
            return list("groupId = ?1 order by joinedOn", groupId);
        }
    }
}
