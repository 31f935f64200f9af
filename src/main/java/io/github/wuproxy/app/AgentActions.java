package io.github.wuproxy.app;

import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.Policy;
import io.github.wuproxy.port.Remembered;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateScanner;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tray and the local channel ask for beyond the engine's own verbs: a scan now, loading the
 * profiles again, remembering a network. It holds the organisation's policy in force, read again at
 * each reload, which the channel's right check and the verbs both use.
 */
final class AgentActions {
    private static final Logger log = LoggerFactory.getLogger(AgentActions.class);
    private final Agent agent;
    private final AgentPaths paths;
    private final UpdateScanner scanner;
    private final Supplier<Policy> policySource;
    private volatile Policy policy;

    /** @param policy the policy the agent started with; {@code policySource} reads it again at each reload */
    AgentActions(Agent agent, AgentPaths paths, UpdateScanner scanner, Policy policy, Supplier<Policy> policySource) {
        this.agent = agent;
        this.paths = paths;
        this.scanner = scanner;
        this.policy = policy;
        this.policySource = policySource;
    }

    /** The organisation's policy as of the start or the last reload. */
    Policy policy() {
        return policy;
    }

    /**
     * Loads the profiles, agent.conf and the policy again and hands them to the engine, waiting until
     * it has them, so the answer shows the new set. A broken file never replaces the last good set.
     */
    Configuration reload() throws AgentRefusal {
        Configuration configuration;
        try {
            configuration = Configuration.load(paths.agentConf(), paths.profileFolders());
        } catch (ProfileException e) {
            throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, "the profiles were not reloaded; the running ones stay. Problems:\n"
                    + e.getMessage());
        }
        Policy now = policySource.get();
        try {
            agent.call(engine -> {
                engine.reload(configuration.profiles(), configuration.settings().withPolicy(now).engine());
                return null;
            });
        } catch (Exception e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent could not take the new profiles: " + e);
        }
        policy = now;
        return configuration;
    }

    /** Syncs, then asks Windows Update to scan, so the scan runs with the right proxy. */
    String scanNow() throws Exception {
        agent.call(engine -> {
            engine.syncNow();
            return null;
        });
        try {
            scanner.startScan();
            return "Windows Update is checking for updates.";
        } catch (ServiceException e) {
            log.warn("could not start a scan: {}", e.getMessage());
            throw new IllegalStateException("Could not start a Windows Update scan: " + e.getMessage(), e);
        }
    }

    /**
     * Adds this network to a profile's rules (machine copy) and reloads; a broken result keeps the running profiles.
     * With {@code keep}, the rule gets a priority of its own above the rule that wins here now.
     */
    Remembered remember(String profileName, boolean keep) throws Exception {
        Optional<NetworkLocation> here = agent.call(SyncEngine::lastLocation);
        Configuration configuration = Configuration.load(paths.agentConf(), paths.profileFolders());
        Profile profile = configuration.profiles().find(profileName)
                .orElseThrow(() -> new IllegalArgumentException("there is no profile " + profileName));
        if (here.isEmpty()) {
            throw new IllegalStateException("the network has not been read yet; try again in a moment");
        }
        OptionalInt priority = OptionalInt.empty();
        if (keep) {
            Optional<AgentStatus> before = agent.call(SyncEngine::status);
            int above = before.filter(s -> s.basis() == Selection.Basis.RULE && !s.profile().equals(profileName))
                    .flatMap(s -> configuration.profiles().find(s.profile())).map(AgentActions::highestRule)
                    .orElseGet(() -> configuration.profiles().all().stream().filter(p -> !p.name().equals(profileName))
                            .mapToInt(AgentActions::highestRule).max().orElse(profile.priority()));
            if (above + 1 > profile.priority()) { // else the profile's own priority already wins
                priority = OptionalInt.of(above + 1);
            }
        }
        var file = RememberNetwork.remember(profile, here.get(), paths.data().resolve("profiles"), Clock.systemUTC().instant(), priority);
        Configuration reloaded;
        try {
            reloaded = reload();
        } catch (AgentRefusal e) {
            throw new IOException(file + " no longer loads (" + e.getMessage() + "); remove the last lines and run `wuproxy reload`", e);
        }
        Optional<AgentStatus> after = agent.call(SyncEngine::status);
        Optional<Remembered.Winner> winner = after.filter(s -> s.basis() == Selection.Basis.RULE && !s.profile().equals(profileName))
                .flatMap(s -> reloaded.profiles().find(s.profile())).map(w -> new Remembered.Winner(w.name(), highestRule(w)));
        var remembered = new Remembered(profileName, file.toString(), priority.orElse(profile.priority()), keep, winner);
        if (winner.isPresent()) {
            log.warn("{}: to use {} here, keep it (tray, or `wuproxy remember {} --keep`)", remembered.describe(), profileName, profileName);
        } else {
            log.info("{}", remembered.describe());
        }
        return remembered;
    }

    /** The highest priority any rule of {@code profile} has. */
    private static int highestRule(Profile profile) {
        return profile.when().stream().mapToInt(rule -> rule.priorityIn(profile)).max().orElse(profile.priority());
    }
}
