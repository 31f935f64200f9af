package io.github.wuproxy.bench;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The engine's own costs, with simulated ports and no probes. */
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Dlogback.configurationFile=src/bench/logback-bench.xml"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EngineBenchmarks {

    /** A laptop that moves between the office and home: every decision writes. */
    @State(Scope.Thread)
    public static class Laptop {
        SimAgent agent;
        NetworkLocation office;
        NetworkLocation home;
        boolean atOffice;

        @Setup(Level.Trial)
        public void start() {
            agent = SimAgent.withShippedProfiles();
            agent.userProxy(UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat"));
            office = Fixtures.location("network/corp-dock-wired-edited.json");
            home = Fixtures.location("network/home-wifi-edited.json");
        }
    }

    /** Change signal, settle delay passed, the engine reads, selects, resolves, writes and reads back. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int decisionAfterSettling(Laptop laptop) {
        laptop.atOffice = !laptop.atOffice;
        laptop.agent.network.moveTo(laptop.atOffice ? laptop.office : laptop.home);
        laptop.agent.settle();
        return laptop.agent.store.writes().size();
    }

    /**
     * A profile set of {@code profiles} × 5 conditions, and a network only the fallback fits: read
     * anew each time, as a snapshot of a new network is (the selector remembers its answer per
     * snapshot object, so the same object again would measure only that memory).
     */
    @State(Scope.Thread)
    public static class Rules {
        @Param({"10", "100", "1000"})
        int profiles;
        ProfileSelector selector;
        Situation[] situations;
        int next;

        @Setup(Level.Trial)
        public void load() throws Exception {
            selector = new ProfileSelector(BenchProfiles.of(profiles));
            situations = new Situation[1024]; // more than the selector remembers
            for (int i = 0; i < situations.length; i++) {
                situations[i] = new Situation(Fixtures.location("network/cafe-wifi-edited.json"), Optional.of(UserProxySettings.DIRECT));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Selection selection(Rules rules) {
        rules.next = (rules.next + 1) & (rules.situations.length - 1);
        return rules.selector.select(rules.situations[rules.next], Optional.empty());
    }
}
