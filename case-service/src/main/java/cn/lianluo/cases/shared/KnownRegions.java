package cn.lianluo.cases.shared;

import cn.lianluo.common.data.ShippedRegions;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Set;

/**
 * The regions a case may name: the official trees this build ships (the provinces of
 * {@code lianluo.reference.provinces}, as station-service loads them) and the codes an ADMIN's import added since,
 * which station-service announces ({@code lianluo.station.regions-added.v1}, kept in {@code region_added}).
 */
@ApplicationScoped
public class KnownRegions {

    private final EntityManager em;
    private final Set<String> shipped;

    public KnownRegions(EntityManager em,
                        @ConfigProperty(name = "lianluo.reference.provinces", defaultValue = "43") List<String> provinces) {
        this.em = em;
        this.shipped = Set.copyOf(ShippedRegions.codes(ShippedRegions.provinces(provinces)));
    }

    /**
     * A region in no tree is a 422 naming the field; a known one passes. A village (村, 12 digits) passes when it is
     * known or its township is: the shipped trees end at townships, and a county need not import its villages first.
     */
    public void require(String field, RegionCode region) {
        if (known(region) || region.level() == RegionLevel.VILLAGE && region.parent().filter(this::known).isPresent()) {
            return;
        }
        throw ProblemException.unprocessable("unknown-region", field, "there is no region " + region
                + " in the region tree (行政区划); an ADMIN adds new ones through POST /api/v1/regions/import");
    }

    private boolean known(RegionCode region) {
        return shipped.contains(region.value()) || !em.createNativeQuery("SELECT 1 FROM region_added WHERE code = ?1")
                .setParameter(1, region.value()).getResultList().isEmpty();
    }

    /** Keeps codes station-service added to its tree; a code kept already stays as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<String> codes) {
        String checked = String.join(",", codes.stream().map(code -> RegionCode.of(code).value()).toList());
        em.createNativeQuery("INSERT INTO region_added (code) SELECT unnest(string_to_array(?1, ',')) ON CONFLICT DO NOTHING")
                .setParameter(1, checked).executeUpdate();
    }
}
