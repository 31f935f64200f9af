package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's command line is built from java.home, the install folder and the jar, never from "this process". */
class WindowsServicesTest {
    @TempDir
    Path dir;

    @Test
    void itRunsJavaExeOfTheRuntimeWithTheInstallFolderAndTheJar() throws Exception {
        Path javaHome = Files.createDirectories(dir.resolve("jdk 17").resolve("bin")).getParent();
        Files.createFile(javaHome.resolve("bin").resolve("java.exe"));
        Path install = Files.createDirectories(dir.resolve("Program Files").resolve("wuproxy"));
        Path jar = Files.createFile(install.resolve("wuproxy.jar"));
        String line = WindowsServices.serviceCommandLine(javaHome, install, jar);
        assertTrue(line.startsWith("\"" + javaHome.resolve("bin").resolve("java.exe") + "\" -Xms2m "), line);
        assertTrue(line.contains(" \"-Dwuproxy.home=" + install + "\" "), line);
        assertTrue(line.endsWith(" -jar \"" + jar + "\" service"), line);
    }

    @Test
    void aRuntimeWithoutJavaExeSaysWhatToInstall() throws Exception {
        Path jar = Files.createFile(dir.resolve("wuproxy.jar"));
        var e = assertThrows(IllegalStateException.class, () -> WindowsServices.serviceCommandLine(dir.resolve("stripped-runtime"), dir, jar));
        assertTrue(e.getMessage().contains("install a full Java 17 runtime"), e.getMessage());
    }

    @Test
    void outsideAJarItSaysToUseTheInstalledLauncher() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createFile(dir.resolve("bin").resolve("java.exe"));
        var e = assertThrows(IllegalStateException.class, () -> WindowsServices.serviceCommandLine(dir, dir, dir.resolve("classes")));
        assertTrue(e.getMessage().contains("from the installed wuproxy.exe"), e.getMessage());
    }

    @Test
    void aPercentSignInAFolderIsAClearMessage() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createFile(dir.resolve("bin").resolve("java.exe"));
        Path install = Files.createDirectories(dir.resolve("100%"));
        Path jar = Files.createFile(install.resolve("wuproxy.jar"));
        var e = assertThrows(IllegalStateException.class, () -> WindowsServices.serviceCommandLine(dir, install, jar));
        assertEquals(true, e.getMessage().contains("without those characters"), e.getMessage());
    }
}
