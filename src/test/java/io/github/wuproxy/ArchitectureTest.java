package io.github.wuproxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The import rules of STYLE.md §1, enforced on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.wuproxy");

    @Test
    void coreUsesJavaOnly() {
        noClasses().that().resideInAPackage("io.github.wuproxy.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.github.wuproxy.core..")
                .check(MAIN);
    }

    @Test
    void portsUseOnlyTheCore() {
        noClasses().that().resideInAPackage("io.github.wuproxy.port..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.github.wuproxy.core..", "io.github.wuproxy.port..")
                .check(MAIN);
    }

    @Test
    void onlyWin32DeclaresJnaMappingsAndOnlyWindowsAdaptersUseThem() {
        noClasses().that().resideOutsideOfPackages("io.github.wuproxy.windows..", "io.github.wuproxy.app..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(MAIN);
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("io.github.wuproxy.app..")
                .should().dependOnClassesThat().resideInAPackage("io.github.wuproxy.app..")
                .check(MAIN);
    }

    @Test
    void theCoreNeverReadsTheClock() {
        noClasses().that().resideInAPackage("io.github.wuproxy.core..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(MAIN);
    }

    /**
     * The service runs as SYSTEM: the only processes it starts are bitsadmin and UsoClient from
     * System32, with arguments built from validated proxies only (BitsAdminTest checks those);
     * diagnose adds netsh from System32 with a fixed argument list, read only (NetshAdvancedProxyTest).
     */
    @Test
    void onlyBitsAdminUsoClientAndNetshStartProcesses() {
        noClasses().that().doNotHaveFullyQualifiedName("io.github.wuproxy.windows.BitsAdmin")
                .and().doNotHaveFullyQualifiedName("io.github.wuproxy.windows.UsoClientScanner")
                .and().doNotHaveFullyQualifiedName("io.github.wuproxy.windows.NetshAdvancedProxy")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(ProcessBuilder.class))))
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .check(MAIN);
    }

    @Test
    void theEngineKnowsNothingOfConfigurationAdaptersOrLibraries() {
        noClasses().that().resideInAPackage("io.github.wuproxy.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.slf4j..", "io.github.wuproxy.core..",
                        "io.github.wuproxy.port..", "io.github.wuproxy.engine..")
                .check(MAIN);
    }

    @Test
    void theSimulationRunsAnywhere() {
        noClasses().that().resideInAPackage("io.github.wuproxy.sim..")
                .should().dependOnClassesThat().resideInAPackage("io.github.wuproxy.windows..")
                .check(MAIN);
    }

    /** ArchUnit sees calls, not their arguments: the sources are read for the property's name. */
    @Test
    void onlyTheCompositionRootAsksWhichOsThisIs() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            var asking = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return java.nio.file.Files.readString(f).contains("\"os.name\"");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Adapters.java"), asking);
        }
    }

    @Test
    void everyCommandLivesInTheCli() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().areAnnotatedWith(picocli.CommandLine.Command.class)
                .should().resideInAPackage("io.github.wuproxy.cli..")
                .check(MAIN);
    }

    @Test
    void theCompositionRootHoldsNoCommand() {
        noClasses().that().resideInAPackage("io.github.wuproxy.app..")
                .should().implement(java.util.concurrent.Callable.class)
                .check(MAIN);
    }

    @Test
    void realAdaptersOffWindowsAndPureFormatsStandAlone() {
        noClasses().that().resideInAnyPackage("io.github.wuproxy.portable..", "io.github.wuproxy.format..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.wuproxy.sim..", "io.github.wuproxy.windows..",
                        "io.github.wuproxy.engine..", "io.github.wuproxy.app..", "com.sun.jna..")
                .check(MAIN);
    }
}
