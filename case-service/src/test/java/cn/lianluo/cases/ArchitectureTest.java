package cn.lianluo.cases;

import cn.lianluo.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer rules of {@link ArchitectureRules} on this module's classes (plain JUnit: no database, no broker). */
class ArchitectureTest {

    /**
     * Each feature ({@code cases}, {@code units}, {@code files}, {@code suggestions}, …) together with its layers is a
     * slice, and so are {@code config}, {@code rest}, {@code messaging}, {@code seeds} and {@code shared}: no cycle
     * between them, so a feature that others build on never needs them back (docs/architecture.md gives the
     * directions).
     */
    static final ArchRule NO_FEATURE_CYCLES = slices().matching("cn.lianluo.cases.(*)..").should().beFreeOfCycles()
            .because("a feature that depends on one that depends back on it cannot be read, tested or changed alone");

    @Test
    void the_layer_rules_hold() {
        ArchitectureRules.check("cn.lianluo.cases");
    }

    @Test
    void the_features_are_free_of_cycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lianluo.cases");
        NO_FEATURE_CYCLES.check(classes);
    }
}
