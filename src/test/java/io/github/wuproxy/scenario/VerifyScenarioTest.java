package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.sim.SimulatedProxyVerifier.Answer;
import io.github.wuproxy.testing.SimAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's proxy is tested before it is kept: verify = warn reports, verify = required falls back. */
class VerifyScenarioTest {
    private static final UpdateProxy PRIMARY = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private static final UpdateProxy SECOND = UpdateProxy.fixed("proxy2.corp.example.com:3128", "<local>");

    private static SimAgent laptop(Path dir, String verify) throws Exception {
        Files.writeString(dir.resolve("office.conf"), """
                name = office
                proxy { source = fixed, server = "proxy.corp.example.com:8080", bypass = "<local>" }
                %s
                when = [ { network-category = domain-authenticated } ]
                """.formatted(verify));
        Files.writeString(dir.resolve("other.conf"), "name = other\nproxy = direct\n");
        ProfileSet profiles = HoconProfileCatalog.of(dir, "other").load();
        return SimAgent.start(profiles, AgentSettings.defaults(), UpdateProxy.direct());
    }

    @Test
    void fallsBackToTheNextProxyThatGetsThroughAndSaysWhy(@TempDir Path dir) throws Exception {
        SimAgent laptop = laptop(dir, "verify = required\nfallback = [ \"proxy2.corp.example.com:3128\", direct ]");
        laptop.verifier.set("proxy.corp.example.com:8080", Answer.WANTS_PASSWORD);
        laptop.arriveAt("corp-dock-wired");

        assertEquals(SECOND, laptop.effective());
        assertTrue(laptop.notifier.lastStatus().why().contains(
                "proxy.corp.example.com:8080 (bypass <local>) failed the check (the proxy proxy.corp.example.com:8080 answered HTTP 407 [simulated]), "
                        + "so fallback proxy2.corp.example.com:3128 (bypass <local>)"), laptop.notifier.lastStatus().why());

        laptop.verifier.set("proxy.corp.example.com:8080", Answer.OK);
        laptop.engine().syncNow();
        assertEquals(PRIMARY, laptop.effective(), "back to the profile's own proxy once it gets through");
    }

    @Test
    void writesNothingWhenNoCandidateGetsThrough(@TempDir Path dir) throws Exception {
        SimAgent laptop = laptop(dir, "verify = required\nfallback = [ \"proxy2.corp.example.com:3128\", direct ]");
        laptop.verifier.set("proxy.corp.example.com:8080", Answer.DOWN);
        laptop.verifier.set("proxy2.corp.example.com:3128", Answer.DOWN);
        laptop.verifier.set("direct", Answer.DOWN);
        laptop.arriveAt("corp-dock-wired");

        assertEquals(UpdateProxy.direct(), laptop.effective(), "left as it was");
        assertEquals(0, laptop.store.writes().size());
        var problem = laptop.notifier.lastProblem().orElseThrow();
        assertEquals(ProblemCode.PROXY_UNVERIFIED, problem.code());
        assertEquals(Severity.ERROR, problem.severity());
        assertTrue(problem.text().contains("0x80072EFD"), problem.text());
    }

    @Test
    void warnsOnceAndStillWritesWithVerifyWarn(@TempDir Path dir) throws Exception {
        SimAgent laptop = laptop(dir, "verify = warn");
        laptop.verifier.set("proxy.corp.example.com:8080", Answer.WANTS_PASSWORD);
        laptop.arriveAt("corp-dock-wired");
        laptop.advance(Duration.ofHours(2)); // drift checks

        assertEquals(PRIMARY, laptop.effective());
        assertEquals(1, laptop.notifier.problems.stream().filter(p -> p.code() == ProblemCode.PROXY_UNVERIFIED).count());
        assertEquals(Severity.WARNING, laptop.notifier.problems.get(0).severity());
    }

    @Test
    void testsOncePerLocationNotOnEveryDriftCheck(@TempDir Path dir) throws Exception {
        SimAgent laptop = laptop(dir, "verify = warn");
        laptop.arriveAt("corp-dock-wired");
        int afterArrival = laptop.verifier.checks();
        laptop.advance(Duration.ofHours(1));

        assertEquals(1, afterArrival);
        assertEquals(afterArrival, laptop.verifier.checks());
    }
}
