package cn.lianluo.station.persistence;

import cn.lianluo.common.region.RegionCode;
import cn.lianluo.station.domain.GeoPoint;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<StationEntity, UUID> {

    /**
     * The public finder: inside a region, of a type, names or addresses containing a text; with {@code near}, the
     * nearest first and the stations without coordinates last.
     */
    public PanacheQuery<StationEntity> find(RegionCode region, String type, String text, GeoPoint near) {
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
        if (near != null) {
            // GeoPoint.haversine in SQL: it grows with the distance, so it orders by distance without an asin
            params.and("nearLatitude", near.latitude()).and("nearLongitude", near.longitude())
                    .and("cosNearLatitude", Math.cos(Math.toRadians(near.latitude())))
                    .and("radians", Math.PI / 180);
            return find(where + " order by case when latitude is null or longitude is null then 1 else 0 end,"
                    + " power(sin((cast(latitude as Double) - :nearLatitude) * :radians / 2), 2)"
                    + " + :cosNearLatitude * cos(cast(latitude as Double) * :radians)"
                    + " * power(sin((cast(longitude as Double) - :nearLongitude) * :radians / 2), 2), name, id", params);
        }
        // a network's hub (no parent) before its points, then by name
        return find(where + " order by regionCode, case when parentStationId is null then 0 else 1 end, name", params);
    }

    public Optional<StationEntity> findBySeedKey(String seedKey) {
        return find("seedKey", seedKey).firstResultOptional();
    }
}
