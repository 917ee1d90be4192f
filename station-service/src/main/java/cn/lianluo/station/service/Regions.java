package cn.lianluo.station.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.station.persistence.RegionEntity;
import cn.lianluo.station.persistence.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Region codes as the API receives them: well-formed (400) and known (422). */
@ApplicationScoped
public class Regions {

    private final RegionRepository regions;

    public Regions(RegionRepository regions) {
        this.regions = regions;
    }

    /** Parses a code given in {@code field}; a malformed one is a 400 naming the field. */
    public static RegionCode parse(String field, String raw) {
        return RegionCodes.field(field, raw);
    }

    /** A parsed code that must also exist in the region table; an unknown one is a 422. */
    public RegionEntity known(String field, String raw) {
        RegionCode code = parse(field, raw);
        RegionEntity region = regions.findById(code.value());
        if (region == null) {
            throw ProblemException.unprocessable("unknown-region", field, "region " + code + " is not known");
        }
        return region;
    }
}
