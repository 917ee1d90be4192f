package cn.lianluo.station.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import cn.lianluo.station.persistence.RegionEntity;
import cn.lianluo.station.persistence.RegionRepository;
import cn.lianluo.station.service.StationDtos.RegionChild;
import cn.lianluo.station.service.StationDtos.RegionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The region tree (行政区划), public. */
@ApplicationScoped
public class RegionService {

    private final RegionRepository regions;

    public RegionService(RegionRepository regions) {
        this.regions = regions;
    }

    @Transactional
    public RegionView get(String rawCode) {
        RegionCode code = Regions.parse("code", rawCode);
        RegionEntity region = regions.findById(code.value());
        if (region == null) {
            throw ProblemException.notFound("region", code);
        }
        RegionLevel level = RegionLevel.valueOf(region.level);
        return new RegionView(region.code, code.official(), region.name, level, level.label(), region.parentCode,
                regions.children(region.code).stream()
                        .map(c -> new RegionChild(c.code, c.name, RegionLevel.valueOf(c.level))).toList());
    }
}
