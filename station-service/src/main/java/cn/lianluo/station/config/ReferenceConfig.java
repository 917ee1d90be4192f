package cn.lianluo.station.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;

/** The reference data station-service ships and loads at every start, demo or not (docs/deploy.md). */
@ConfigMapping(prefix = "lianluo.reference")
public interface ReferenceConfig {

    /**
     * The provinces whose shipped region tree loads at start-up, by province code ({@code LIANLUO_REFERENCE_PROVINCES},
     * e.g. {@code 43}); {@code none} loads none (an ADMIN then imports the tree); checked by
     * {@link cn.lianluo.common.data.ShippedRegions#provinces}.
     */
    @WithDefault("43")
    List<String> provinces();

    /** The most rows one region import takes (a province's villages are about 30,000). */
    @WithName("import-max-rows")
    @WithDefault("50000")
    int importMaxRows();
}
