package cn.lianluo.cases;

import cn.lianluo.common.testing.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The layer rules of {@link ArchitectureRules} on this module's classes (plain JUnit: no database, no broker). */
@AnalyzeClasses(packages = "cn.lianluo.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests LAYERS = ArchTests.in(ArchitectureRules.class);
}
