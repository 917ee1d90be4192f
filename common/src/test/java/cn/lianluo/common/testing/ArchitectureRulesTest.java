package cn.lianluo.common.testing;

import cn.lianluo.layerfixture.domain.FrameworkInDomain;
import cn.lianluo.layerfixture.rest.Dto;
import cn.lianluo.layerfixture.service.RestInService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer rules catch what they name, also with ArchUnit told not to load the classes a dependency points to
 * (archunit.properties): the classes of {@code cn.lianluo.layerfixture} break them on purpose; they live outside
 * {@code cn.lianluo.common}, whose own rules the modules check against common's test-jar.
 */
class ArchitectureRulesTest {

    private final JavaClasses broken = new ClassFileImporter().importClasses(FrameworkInDomain.class, Dto.class,
            RestInService.class);

    @Test
    void a_domain_class_with_a_framework_annotation_breaks_the_domain_rule() {
        assertTrue(ArchitectureRules.DOMAIN_IMPORTS_NO_FRAMEWORK.evaluate(broken).hasViolation());
    }

    @Test
    void a_use_case_returning_an_api_record_breaks_the_service_rule() {
        assertTrue(ArchitectureRules.SERVICE_DEPENDS_NOT_ON_REST.evaluate(broken).hasViolation());
    }

    @Test
    void the_rules_that_these_classes_keep_are_not_reported() {
        assertFalse(ArchitectureRules.MESSAGING_DEPENDS_NOT_ON_REST.evaluate(broken).hasViolation());
        assertFalse(ArchitectureRules.PERSISTENCE_DEPENDS_NOT_ON_REST.evaluate(broken).hasViolation());
    }
}
