package cn.lianluo.common.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules every module keeps, checked by each module's {@code ArchitectureTest} with
 * {@code ArchitectureRules.check("cn.lianluo.<module>")} (a plain JUnit test: no database, no broker).
 * The layers of a service (or of each feature of case-service): {@code rest} uses {@code service}; {@code service} uses
 * {@code persistence}, {@code messaging} and {@code domain}; the domain uses nothing outside plain Java. A use case's
 * inputs and outputs are records of the service layer ({@code service.XxxDtos}); the REST layer exposes them.
 * A module without one of the packages (common has no domain) passes that rule empty.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is plain Java: no framework, no JSON mapping, no persistence annotations. */
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                    "com.fasterxml.jackson..", "io.smallrye..")
            .because("the domain's rules are tested in plain JUnit and read without the framework")
            .allowEmptyShould(true);

    /** Nor MicroProfile: how the API documents a type ({@code @Schema}) is the REST or service layer's business. */
    public static final ArchRule DOMAIN_IMPORTS_NO_MICROPROFILE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile..")
            .because("the API's documentation belongs to the records the API answers, not to the domain")
            .allowEmptyShould(true);

    /** The domain knows no outer layer of its service. */
    public static final ArchRule DOMAIN_DEPENDS_ON_NO_OUTER_LAYER = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..service..", "..rest..", "..persistence..", "..messaging..")
            .because("use cases, the API, storage and events are built around the domain, not the other way round")
            .allowEmptyShould(true);

    /** Use cases take and answer records of their own layer; the REST layer calls them, never the reverse. */
    public static final ArchRule SERVICE_DEPENDS_NOT_ON_REST = noClasses().that().resideInAPackage("..service..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("the REST layer maps HTTP onto the use cases; a use case runs the same without HTTP")
            .allowEmptyShould(true);

    /** Storage knows nothing of the API. */
    public static final ArchRule PERSISTENCE_DEPENDS_NOT_ON_REST = noClasses().that().resideInAPackage("..persistence..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("entities and repositories outlive any shape of the API")
            .allowEmptyShould(true);

    /** Event consumers and producers do not use the REST API's types. */
    public static final ArchRule MESSAGING_DEPENDS_NOT_ON_REST = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("events are a contract of their own, apart from the REST API's DTOs")
            .allowEmptyShould(true);

    /**
     * No cycle between any two packages of the module: each package (case-service's {@code cases.rest},
     * {@code cases.service}, {@code files.service}, …) is a slice, so a feature may use another feature's service or
     * domain only if that one does not use it back.
     */
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("cn.lianluo.(**)").should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be read, tested or changed without the other")
            .allowEmptyShould(true);

    /** Every rule, in the order {@link #check} applies them. */
    public static final List<ArchRule> ALL = List.of(DOMAIN_IMPORTS_NO_FRAMEWORK, DOMAIN_IMPORTS_NO_MICROPROFILE,
            DOMAIN_DEPENDS_ON_NO_OUTER_LAYER, SERVICE_DEPENDS_NOT_ON_REST, PERSISTENCE_DEPENDS_NOT_ON_REST,
            MESSAGING_DEPENDS_NOT_ON_REST, NO_PACKAGE_CYCLES);

    /** Checks every rule on the module's main classes (not its tests); fails naming every violation of every rule. */
    public static void check(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        List<ArchRule> rules = ALL;
        List<String> violated = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                violated.add(result.getFailureReport().toString());
            }
        }
        if (!violated.isEmpty()) {
            throw new AssertionError(violated.size() + " of " + rules.size() + " layer rules violated in " + basePackage
                    + ":\n" + String.join("\n", violated));
        }
    }

    /** The module's main classes; fails when there are none, so a misspelt package cannot pass every rule empty. */
    static JavaClasses mainClasses(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes in package " + basePackage + ": is the name right?");
        }
        return classes;
    }
}
