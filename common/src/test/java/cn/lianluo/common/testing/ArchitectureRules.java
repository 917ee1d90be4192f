package cn.lianluo.common.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules every module keeps, checked by each module's {@code ArchitectureTest} with
 * {@code ArchitectureRules.check("cn.lianluo.<module>")} (a plain JUnit test: no database, no broker).
 * Only the rules that hold today are here; "service does not depend on rest" and "no package cycles" are still
 * broken in every service (issue 19) and join this class when they hold. A module without one of the packages
 * (common has no domain) passes that rule empty.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * The domain is plain Java: no framework, no JSON mapping, no persistence annotations. MicroProfile is not in the
     * list yet: two domain records still carry OpenAPI {@code @Schema} annotations (station's ReceptionDay, scoring's
     * RuleSet); add {@code "org.eclipse.microprofile.."} once they have moved to the REST layer.
     */
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                    "com.fasterxml.jackson..", "io.smallrye..")
            .because("the domain's rules are tested in plain JUnit and read without the framework")
            .allowEmptyShould(true);

    /** The domain knows no outer layer of its service. */
    public static final ArchRule DOMAIN_DEPENDS_ON_NO_OUTER_LAYER = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..service..", "..rest..", "..persistence..", "..messaging..")
            .because("use cases, the API, storage and events are built around the domain, not the other way round")
            .allowEmptyShould(true);

    /** Event consumers and producers do not use the REST API's types. */
    public static final ArchRule MESSAGING_DEPENDS_NOT_ON_REST = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("events are a contract of their own, apart from the REST API's DTOs")
            .allowEmptyShould(true);

    /** Checks every rule on the module's main classes (not its tests); fails naming each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : List.of(DOMAIN_IMPORTS_NO_FRAMEWORK, DOMAIN_DEPENDS_ON_NO_OUTER_LAYER, MESSAGING_DEPENDS_NOT_ON_REST)) {
            rule.check(classes);
        }
    }
}
