package cn.lianluo.notification;

import cn.lianluo.common.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layer rules of {@link ArchitectureRules} on this module's classes (plain JUnit: no database, no broker). */
class ArchitectureTest {

    @Test
    void the_layer_rules_hold() {
        ArchitectureRules.check("cn.lianluo.notification");
    }
}
