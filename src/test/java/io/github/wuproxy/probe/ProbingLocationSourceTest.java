package io.github.wuproxy.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.testing.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbingLocationSourceTest {
    private final ScriptedNetworkLocationSource passive = new ScriptedNetworkLocationSource();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicBoolean captive = new AtomicBoolean();
    private final NameResolver counting = new NameResolver() {
        @Override
        public List<IpAddress> resolve(String host) {
            lookups.incrementAndGet();
            return List.of(IpAddress.parse("10.20.0.8"));
        }

        @Override
        public Optional<String> reverse(IpAddress address) throws IOException {
            throw new IOException("no PTR");
        }
    };
    private final ProbingLocationSource source = new ProbingLocationSource(passive,
            new ActiveProbes(counting, Duration.ofSeconds(1), Executors.newSingleThreadExecutor()), captive::get);
    private final ProbeRequest request = new ProbeRequest(Set.of("proxy.corp.example"), Set.of(), Set.of(), Set.of());

    @Test
    void probesOnlyWhatIsAskedAndCachesItPerLocation() throws Exception {
        passive.setQuietly(Fixtures.location("network/home-wifi-edited.json").withProbes(ProbeResults.NONE));
        assertEquals(ProbeResults.NONE, source.current(ProbeRequest.NONE).probes());
        assertEquals(0, lookups.get(), "no rule asked for a probe");
        NetworkLocation first = source.current(request);
        NetworkLocation again = source.current(request);
        assertEquals(List.of(IpAddress.parse("10.20.0.8")), first.probes().dns().get("proxy.corp.example"));
        assertEquals(first, again);
        assertEquals(1, lookups.get(), "the second read came from the cache");
        passive.setQuietly(Fixtures.location("network/cafe-wifi-edited.json"));
        source.current(request);
        assertEquals(2, lookups.get(), "a new location is probed anew");
    }

    @Test
    void behindACaptivePortalNothingIsProbedOrCached() throws Exception {
        passive.setQuietly(Fixtures.location("network/cafe-wifi-edited.json"));
        captive.set(true);
        NetworkLocation location = source.current(request);
        assertTrue(location.captivePortal());
        assertEquals(ProbeResults.NONE, location.probes());
        assertEquals(0, lookups.get());
        captive.set(false);
        assertFalse(source.current(request).captivePortal());
        assertEquals(1, lookups.get());
    }
}
