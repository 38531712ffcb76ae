package dev.curtain.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.curtain.server", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule serverNeverUsesJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.curtain.desktop..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoWebInternals = noClasses()
            .that().resideInAnyPackage("dev.curtain.server.venue..", "dev.curtain.server.event..", "dev.curtain.server.auth..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("ErrorResponseProcessor");

    @ArchTest
    static final ArchRule embeddedServersAreOnlyStartedByTheLauncher = noClasses()
            .that().resideOutsideOfPackage("dev.curtain.server.ops..")
            .should().dependOnClassesThat().resideInAPackage("dev.curtain.server.ops.embedded..");
}
