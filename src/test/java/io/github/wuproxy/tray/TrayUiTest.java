package io.github.wuproxy.tray;

import static io.github.wuproxy.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent process with its tray on a virtual display (Xvfb, the trayer tray host, xdotool
 * for the mouse and keys, ImageMagick for screenshots): a profile switch from the menu changes the
 * simulated Windows Update proxy, the CLI's channel reports it, and the icon changes colour.
 */
@Tag("ui")
class TrayUiTest {
    private static final Path SHOTS = Path.of("target", "ui").toAbsolutePath();
    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();
    private String display;

    @AfterEach
    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
        }
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().put("https_proxy", "http://proxy.corp.example:3128");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** Waits for something an outside process does; there is no virtual clock to advance here. */

    /** The centre of the docked icon: the tray host's child window of icon size (it also keeps a 1x1 one). */
    private Optional<int[]> iconCentre() throws IOException, InterruptedException {
        String panel = run("xdotool", "search", "--name", "^panel$").strip().split("\n")[0];
        Matcher child = Pattern.compile("(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(\\d+)\\+(\\d+)").matcher(run("xwininfo", "-children", "-id", panel));
        while (child.find()) {
            int width = Integer.parseInt(child.group(1));
            int height = Integer.parseInt(child.group(2));
            if (width >= 16 && height >= 16) {
                return Optional.of(new int[] {Integer.parseInt(child.group(3)) + width / 2, Integer.parseInt(child.group(4)) + height / 2});
            }
        }
        return Optional.empty();
    }

    private BufferedImage shot(String name) throws IOException, InterruptedException {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(name);
        run("import", "-window", "root", file.toString());
        return ImageIO.read(file.toFile());
    }

    private JsonNode status(Path socket) throws IOException {
        return new IpcClient(socket).send(IpcClient.request("status")).path("status");
    }

    private static boolean isGreen(Color c) {
        return c.getGreen() > c.getRed() + 40 && c.getGreen() > c.getBlue() + 20;
    }

    private static boolean isOrange(Color c) {
        return c.getRed() > 180 && c.getGreen() > 90 && c.getGreen() < 180 && c.getBlue() < 80;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} tray")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dorkbox", "awt"})
    void aProfileSwitchFromTheMenuReachesTheWindowsUpdateProxy(String backend) throws Exception {
        for (String tool : List.of("Xvfb", "trayer", "xdotool", "xwininfo", "import", "xdpyinfo")) {
            assumeTrue(onPath(tool), tool + " is not installed: the tray UI test is skipped (.ci/run installs "
                    + "xvfb trayer xdotool x11-utils imagemagick)");
        }
        int number = (backend.equals("awt") ? 80 : 90) + (int) (ProcessHandle.current().pid() % 9);
        display = ":" + number;
        start(List.of("Xvfb", display, "-screen", "0", "800x600x24", "-nolisten", "tcp", "-noreset"), dir.resolve("xvfb.log"));
        await("the virtual display", () -> {
            try {
                return !run("xdpyinfo").contains("unable to open display");
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        start(List.of("trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "240", "--height", "32",
                "--transparent", "true", "--alpha", "0", "--tint", "0x404040", "--SetDockType", "false", "--SetPartialStrut", "false"),
                dir.resolve("trayer.log"));
        await("the tray host", () -> {
            try {
                return !run("xdotool", "search", "--name", "^panel$").isBlank();
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });

        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("agent"));
        copyFolder(Path.of("profiles"), home.resolve("profiles"));
        Files.writeString(home.resolve("agent/agent.conf"), "captive-portal-url = \"\"\nsettle-delay = 200ms\n");
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        start(List.of(java, "-cp", System.getProperty("java.class.path"), "-Dwuproxy.home=" + home, "-Dwuproxy.data=" + data,
                "-Ddorkbox.updates.Updates.ENABLE=false", "-Dwuproxy.tray=" + backend, "io.github.wuproxy.app.Main", "agent"), Files.createDirectories(SHOTS).resolve("agent-" + backend + ".log"));
        Path socket = data.resolve("channel").resolve("agent.sock");
        await("the agent's channel", () -> IpcClient.isAlive(socket));
        await("the tray icon", () -> {
            try {
                return iconCentre().isPresent();
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        Path machine = data.resolve("simulated-machine.json");
        await("the first sync", () -> Files.exists(machine));
        assertEquals("mobile", status(socket).path("profile").asText(), "the user's own proxy is set, so the fallback follows it");
        assertEquals(UpdateProxy.fixed("proxy.corp.example:3128", ""), PersistentSimulatedStore.open(machine).current());

        int[] icon = iconCentre().orElseThrow();
        await("the mobile icon", () -> {
            try {
                return isOrange(new Color(shot("tray-mobile-" + backend + ".png").getRGB(icon[0], icon[1] - 6)));
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        // dorkbox opens its menu on a left click, AWT on a right click.
        run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1]), "click", backend.equals("awt") ? "3" : "1");
        Thread.sleep(700); // the menu opens asynchronously
        shot("tray-menu-open-" + backend + ".png");
        // Automatic, corporate, direct: the disabled status line is skipped by the keyboard.
        run("xdotool", "key", "Down", "Down", "Down", "Return");

        await("the switch to direct", () -> {
            try {
                return status(socket).path("profile").asText().equals("direct");
            } catch (IOException e) {
                return false;
            }
        });
        JsonNode after = status(socket);
        assertEquals("manual", after.path("basis").asText());
        assertEquals(UpdateProxy.direct(), PersistentSimulatedStore.open(machine).current(), "the simulated WU proxy followed the menu");
        await("the direct icon", () -> {
            try {
                return isGreen(new Color(shot("tray-direct-" + backend + ".png").getRGB(icon[0], icon[1] - 6)));
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".conf")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
