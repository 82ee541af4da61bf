package io.amiboot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of {@code ami-client}: the client, the live model and the action layer need no Spring (the module
 * has none on its class path; this rule catches one arriving through a dependency), know nothing of the Spring
 * module built on them, and the transport knows nothing of the model and actions built on top of it.
 */
@AnalyzeClasses(packages = "io.amiboot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theClientModuleImportsNothingFromSpring = noClasses().that()
            .resideInAnyPackage("io.amiboot.client..", "io.amiboot.live..", "io.amiboot.action..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.amiboot.autoconfigure..");

    @ArchTest
    static final ArchRule theTransportDoesNotDependOnTheLiveModelOrTheActions = noClasses().that()
            .resideInAPackage("io.amiboot.client..")
            .should().dependOnClassesThat().resideInAnyPackage("io.amiboot.live..", "io.amiboot.action..");

    @ArchTest
    static final ArchRule theActionLayerDoesNotDependOnTheLiveModel = noClasses().that()
            .resideInAPackage("io.amiboot.action..")
            .should().dependOnClassesThat().resideInAPackage("io.amiboot.live..");
}
