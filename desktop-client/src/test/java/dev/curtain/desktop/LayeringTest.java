package dev.curtain.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desktop app reaches the server only over its public HTTP and WebSocket API. */
@AnalyzeClasses(packages = "dev.curtain.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noServerCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.curtain.server..", "io.micronaut..", "io.lettuce..", "java.sql..");

    /** The simulator's engine runs headless (./curtain simulate): no JavaFX, no screens. */
    @ArchTest
    static final ArchRule simulatorEngineIsHeadless = noClasses().that().resideInAPackage("dev.curtain.desktop.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.curtain.desktop.ui..");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .allowEmptyShould(true);
}
