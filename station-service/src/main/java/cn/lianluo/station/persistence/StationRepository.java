package cn.lianluo.station.persistence;

import cn.lianluo.common.region.RegionCode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<StationEntity, UUID> {

    /** The public finder: inside a region, of a type, names or addresses containing a text. */
    public PanacheQuery<StationEntity> find(RegionCode region, String type, String text) {
        StringBuilder where = new StringBuilder("regionCode like :region");
        Parameters params = Parameters.with("region", region.likePattern());
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(name) like :text escape '\\' or lower(coalesce(address, '')) like :text escape '\\')");
            params.and("text", "%" + text.strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        // a network's hub (no parent) before its points, then by name
        return find(where + " order by regionCode, case when parentStationId is null then 0 else 1 end, name", params);
    }

    public Optional<StationEntity> findBySeedKey(String seedKey) {
        return find("seedKey", seedKey).firstResultOptional();
    }
}
