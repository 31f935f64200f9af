package io.github.wuproxy.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.portable.EnvironmentUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Planted credentials and PAC query strings never reach the log or a problem the user sees. */
class NoSecretsInLogsTest {
    private static final String SECRET = "s3cretT0ken";
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level level;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(level);
    }

    private String everythingLogged() {
        StringBuilder all = new StringBuilder();
        captured.list.forEach(e -> all.append(e.getFormattedMessage()).append('\n'));
        return all.toString();
    }

    @Test
    void aDayWithASecretPacUrlLogsItWithoutItsQuery() throws Exception {
        String secretUrl = "http://wpad.corp.example.com/wpad.dat?token=" + SECRET;
        // the office serves the script at its secret URL, so the write names it in the log
        var office = LocationJson.read(Json.parse(Fixtures.text("network/corp-dock-wired-edited.json")
                .replace("http://wpad.corp.example.com/wpad.dat", secretUrl)));
        SimAgent laptop = SimAgent.withShippedProfiles();
        laptop.userProxy(UserProxySettings.pac(secretUrl));
        laptop.network.moveTo(office);
        laptop.settle();
        laptop.arriveAt("home-wifi");
        laptop.engine().scanFinished(ScanResult.failed(laptop.time.instant(), 0x80072EFD));
        laptop.advance(Duration.ofHours(1));

        String logged = everythingLogged();
        assertTrue(logged.contains("via your setup script http://wpad.corp.example.com/wpad.dat?..."), "the script is named: " + logged);
        assertFalse(logged.contains(SECRET), logged);
        for (Problem problem : laptop.notifier.problems) {
            assertFalse(problem.text().contains(SECRET), problem.text());
        }
        laptop.notifier.statuses.forEach(s -> assertFalse(s.why().contains(SECRET), s.why()));
    }

    @Test
    void credentialsInAProxyAreRefusedWithoutRepeatingThePassword() {
        var refused = assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("alice:" + SECRET + "@proxy.corp.example:8080", ""));
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    }

    @Test
    void theProxyVariablesPasswordIsDroppedNotCarried() {
        var user = new EnvironmentUserProxySource(Map.of("HTTPS_PROXY", "http://alice:" + SECRET + "@proxy.corp.example:8080")).current();
        assertTrue(user.isPresent());
        assertFalse(user.get().describe().contains(SECRET), user.get().describe());
    }
}
