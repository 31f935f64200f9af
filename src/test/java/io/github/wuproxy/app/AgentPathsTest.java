package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install folder comes from wuproxy.home, else from where wuproxy.jar is, and only last from the working folder. */
class AgentPathsTest {
    @TempDir
    Path dir;

    @Test
    void wuproxyHomeWins() throws Exception {
        Path jar = installed(dir.resolve("installed"));
        assertEquals(dir.resolve("home"), AgentPaths.installFolder(dir.resolve("home").toString(), jar, dir));
    }

    @Test
    void anInstalledJarNamesItsOwnFolder() throws Exception {
        Path install = dir.resolve("Program Files").resolve("wuproxy");
        assertEquals(install, AgentPaths.installFolder(null, installed(install), Path.of("/")));
    }

    @Test
    void aCheckoutsTargetJarNamesTheCheckout() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Path jar = Files.createFile(Files.createDirectories(dir.resolve("target")).resolve("wuproxy.jar"));
        assertEquals(dir, AgentPaths.installFolder(null, jar, Path.of("/")));
    }

    @Test
    void aJarWithNoProfilesNearbyOrClassesFallBackToTheWorkingFolder() throws Exception {
        Path lonely = Files.createFile(Files.createDirectories(dir.resolve("a").resolve("b")).resolve("wuproxy.jar"));
        assertEquals(dir.resolve("work"), AgentPaths.installFolder(null, lonely, dir.resolve("work")));
        Path classes = Files.createDirectories(dir.resolve("target").resolve("classes"));
        Files.createDirectories(dir.resolve("target").resolve("profiles"));
        assertEquals(dir.resolve("work"), AgentPaths.installFolder(null, classes, dir.resolve("work")), "a folder of classes is no jar");
        assertEquals(dir.resolve("work"), AgentPaths.installFolder(null, null, dir.resolve("work")));
    }

    private static Path installed(Path install) throws Exception {
        Files.createDirectories(install.resolve("profiles"));
        return Files.createFile(install.resolve("wuproxy.jar"));
    }
}
