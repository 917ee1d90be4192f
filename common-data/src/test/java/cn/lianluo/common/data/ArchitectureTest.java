package cn.lianluo.common.data;

import cn.lianluo.common.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of {@link ArchitectureRules} on the shared code (common and common-data share the root package
 * cn.lianluo.common, so both are read: no cycle may run between the outbox, the inbox and what they use of common).
 */
class ArchitectureTest {

    @Test
    void the_layer_rules_hold() {
        ArchitectureRules.check("cn.lianluo.common");
    }
}
