package cn.lianluo.gateway;

import cn.lianluo.common.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of {@link ArchitectureRules} on the gateway's classes (plain JUnit). The gateway owns no domain and
 * no table; what the rules hold it to here is no cycle between its packages (proxy, overview, dossier, clients …).
 */
class ArchitectureTest {

    @Test
    void the_layer_rules_hold() {
        ArchitectureRules.check("cn.lianluo.gateway");
    }
}
