package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.testing.WineOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service command line, split by Windows' own CommandLineToArgvW (Wine's shell32), gives back every path whole. */
@Tag("interop")
class ServiceCommandLineWineTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.9.9-hotspot|C:\\Program Files\\wuproxy",
        "C:\\Java|C:\\",
        "D:\\a & b (x86)\\jre; ^weird,|E:\\wu proxy\\\\",
        "C:\\Programme\\Jävä ünïcödé|C:\\Program Files\\wuproxy\\back\\slash\\",
    })
    void windowsSplitsItIntoTheArgumentsWuproxyMeant(String javaHome, String install) throws Exception {
        WineOracle wine = WineOracle.require();
        String java = javaHome + "\\bin\\java.exe";
        String jar = install + (install.endsWith("\\") ? "" : "\\") + "wuproxy.jar";
        String line = ServiceInstaller.commandLine(java, install, jar);
        var split = wine.helper("split", HexFormat.of().formatHex(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, split.exit(), split.output());
        List<String> arguments = new ArrayList<>();
        for (String hex : split.output().split("\n")) {
            arguments.add(new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8));
        }
        List<String> expected = new ArrayList<>(List.of(java));
        expected.addAll(ServiceInstaller.JVM_OPTIONS);
        expected.addAll(List.of("-Ddorkbox.updates.Updates.ENABLE=false", "-Dwuproxy.home=" + install, "-jar", jar, "service"));
        assertEquals(expected, arguments, line);
    }
}
