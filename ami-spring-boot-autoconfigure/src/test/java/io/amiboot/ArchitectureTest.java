package io.amiboot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The library's layering: the client, the live model and the action layer are the Spring-free part that becomes
 * its own module, and the transport knows nothing of the model built on top of it.
 */
@AnalyzeClasses(packages = "io.amiboot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The live model's auto-configuration and its properties are the Spring glue that stays in the Spring module
     * when the library moves out; everything else in these packages must not need Spring.
     */
    private static final String LIVE_MODEL_SPRING_GLUE =
            "io\\.amiboot\\.autoconfigure\\.live\\.LiveModel(AutoConfiguration|Properties)(\\$.*)?";

    @ArchTest
    static final ArchRule theLibraryImportsNothingFromSpring = noClasses().that()
            .resideInAnyPackage("io.amiboot.client..", "io.amiboot.autoconfigure.live..", "io.amiboot.autoconfigure.action..")
            .and().haveNameNotMatching(LIVE_MODEL_SPRING_GLUE)
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule theTransportDoesNotDependOnTheLiveModel = noClasses().that().resideInAPackage("io.amiboot.client..")
            .should().dependOnClassesThat().resideInAPackage("io.amiboot.autoconfigure.live..");
}
