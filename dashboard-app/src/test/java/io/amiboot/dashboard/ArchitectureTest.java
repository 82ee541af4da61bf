package io.amiboot.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dashboard's layering: the WebSocket relay serves the live model and shares validation, not the REST API. */
@AnalyzeClasses(packages = "io.amiboot.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theRelayDoesNotDependOnTheRestApi = noClasses().that().resideInAPackage("io.amiboot.dashboard.relay..")
            .should().dependOnClassesThat().resideInAPackage("io.amiboot.dashboard.api..");
}
