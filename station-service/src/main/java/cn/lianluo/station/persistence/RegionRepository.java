package cn.lianluo.station.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    public List<RegionEntity> children(String code) {
        return list("parentCode", Sort.by("code"), code);
    }
}
