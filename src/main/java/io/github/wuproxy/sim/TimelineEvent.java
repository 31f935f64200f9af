package io.github.wuproxy.sim;

import io.github.wuproxy.core.baseline.WindowsUpdateBaseline;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Map;
import java.util.Optional;

/** One line of a timeline: at {@code t} seconds from the start, something happens. */
public sealed interface TimelineEvent {
    double t();

    int line();

    /**
     * The laptop is now on this network; {@code location} is offline for {@code null}.
     *
     * @param wpad what WPAD finds there: the snapshot's {@code "wpad"}, else its {@code wpad.*} setup script's answer
     */
    record Network(double t, int line, NetworkLocation location, Optional<UpdateProxy> wpad) implements TimelineEvent {
        public Network(double t, int line, NetworkLocation location) {
            this(t, line, location, location == null ? Optional.empty() : ProbedPacResolver.wpad(location));
        }

        /** The same snapshot (the same objects, so unchanged inputs are recognised cheaply) at another moment. */
        public Network at(double when, int onLine) {
            return new Network(when, onLine, location, wpad);
        }
    }

    /**
     * Checks at this moment: each key ({@code profile}, {@code proxy}, {@code direct}, {@code paused},
     * {@code problem}, {@code fits}) to the value wanted, as text; a null problem means none.
     */
    record Expect(double t, int line, Map<String, String> wanted) implements TimelineEvent {}

    /** Where Windows Update scans for updates, and SetProxyBehaviorForUpdateDetection = 1: for the baseline. */
    record WindowsUpdate(double t, int line, WindowsUpdateBaseline.Source source, boolean userProxyFallback) implements TimelineEvent {}

    record UserProxy(double t, int line, UserProxySettings settings) implements TimelineEvent {}

    record Scan(double t, int line) implements TimelineEvent {}

    /** A Delivery Optimization download, through the signed-in user's own proxy. */
    record Download(double t, int line) implements TimelineEvent {}

    /**
     * Windows Update's scheduled scan is set to run at timeline second {@code at} (empty: no scan is
     * scheduled, the time is unknown). The simulated Windows runs it then, as a {@code scan} line.
     */
    record NextScan(double t, int line, java.util.OptionalDouble at) implements TimelineEvent {}

    /** Windows Update reports a failed scan with this error, whatever the proxy. */
    record ScanFailed(double t, int line, int code) implements TimelineEvent {}

    /** From now on, the proxy at {@code server} (host:port, or direct) answers the verify check like this. */
    record ProxyAnswers(double t, int line, String server, SimulatedProxyVerifier.Answer answer) implements TimelineEvent {}

    /** {@code profile} is {@code auto} to go back to automatic. */
    record Use(double t, int line, String profile, boolean sticky) implements TimelineEvent {}

    record Pause(double t, int line, boolean paused) implements TimelineEvent {}

    record Sleep(double t, int line) implements TimelineEvent {}

    record Resume(double t, int line) implements TimelineEvent {}

    record ForeignWrite(double t, int line, UpdateProxy proxy) implements TimelineEvent {}

    record Fault(double t, int line, Kind kind) implements TimelineEvent {
        /** What fails next. */
        public enum Kind {
            WRITE_DENIED("write-denied"),
            WRITE_FAILS_ONCE("write-fails-once"),
            SERVICE_RESTART_TIMEOUT("service-restart-timeout"),
            CRASH("crash");

            private final String word;

            Kind(String word) {
                this.word = word;
            }

            public String word() {
                return word;
            }
        }
    }
}
