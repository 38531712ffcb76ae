package dev.curtain.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared model is plain Java: records, enums and Jackson annotations, no framework. */
@AnalyzeClasses(packages = "dev.curtain.model", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noFrameworkCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "jakarta..", "javafx..", "okhttp3..", "org.java_websocket..",
                    "io.lettuce..", "java.sql..", "dev.curtain.server..", "dev.curtain.desktop..");
}
