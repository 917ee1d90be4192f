package cn.lianluo.common.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules every module keeps, checked by each module's {@code ArchitectureTest}
 * ({@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)}).
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
    @ArchTest
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                    "com.fasterxml.jackson..", "io.smallrye..")
            .because("the domain's rules are tested in plain JUnit and read without the framework")
            .allowEmptyShould(true);

    /** The domain knows no outer layer of its service. */
    @ArchTest
    public static final ArchRule DOMAIN_DEPENDS_ON_NO_OUTER_LAYER = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..service..", "..rest..", "..persistence..", "..messaging..")
            .because("use cases, the API, storage and events are built around the domain, not the other way round")
            .allowEmptyShould(true);

    /** Event consumers and producers do not use the REST API's types. */
    @ArchTest
    public static final ArchRule MESSAGING_DEPENDS_NOT_ON_REST = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("events are a contract of their own, apart from the REST API's DTOs")
            .allowEmptyShould(true);
}
