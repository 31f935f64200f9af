package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.cli.Version;
import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.profile.Verification;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.ProxyViews;
import io.github.wuproxy.core.proxy.Secrets;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.Desired;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.ProbeRequests;
import io.github.wuproxy.engine.Planner;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdatePolicy;
import io.github.wuproxy.state.FileStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers one report of everything that decides how Windows Update reaches the internet here, as a
 * JSON tree: the text report and the bundle are rendered from it. Reads only; never writes.
 */
final class Diagnosis {
    static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY");
    private static final int SCANS = 10;
    private static final int PROBLEM_LINES = 10;

    private final AgentPaths paths;
    private final Adapters adapters;
    private final Map<String, String> environment;
    private final UpdatePolicy policy;
    private final String windowsBuild;
    private final UpdateStores windowsStores;

    Diagnosis(AgentPaths paths, Adapters adapters, Map<String, String> environment, UpdatePolicy policy, String windowsBuild) {
        this(paths, adapters, environment, policy, windowsBuild, UpdateStores.NOT_WINDOWS);
    }

    Diagnosis(AgentPaths paths, Adapters adapters, Map<String, String> environment, UpdatePolicy policy, String windowsBuild,
            UpdateStores windowsStores) {
        this.windowsStores = windowsStores;
        this.paths = paths;
        this.adapters = adapters;
        this.environment = environment;
        this.policy = policy;
        this.windowsBuild = windowsBuild;
    }

    ObjectNode gather() {
        ObjectNode report = Json.object();
        report.put("generated", Clock.systemUTC().instant().toString());
        report.put("version", Version.current());
        report.put("os", Adapters.osName() + " " + System.getProperty("os.version") + windowsBuild);
        report.put("java", System.getProperty("java.version"));
        report.put("adapters", adapters.description());
        report.set("agent", agent());
        Optional<Configuration> configuration = configuration(report);
        Optional<NetworkLocation> location = location(report, configuration);
        Optional<Desired> desired = decision(report, configuration, location);
        Optional<UserProxySettings> user = adapters.user().current();
        Stores read = stores(report, user);
        ArrayNode checks = Json.array();
        Map<UpdateProxy, ProxyCheck> checked = checks(checks, read.stored(), desired);
        views(report, read, user, desired.map(d -> new Wanted(d.selection().profile().name(), chosen(d, checked))));
        report.set("checks", checks);
        report.put("checkedAs", System.getProperty("user.name") + (Adapters.isWindows()
                ? " (the service checks as SYSTEM before each write; a proxy that signs you in silently may still refuse SYSTEM)" : ""));
        scans(report);
        report.set("recentProblems", recentProblems());
        redact(report);
        return report;
    }

    /** Every string of the report, raw store values included, through the one redaction: nothing printed escapes it. */
    static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var field : object.properties()) {
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), Secrets.redact(field.getValue().asText()));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, Secrets.redact(array.get(i).asText()));
                } else {
                    redact(array.get(i));
                }
            }
        }
    }


    private JsonNode agent() {
        ObjectNode agent = Json.object();
        boolean running = IpcClient.isAlive(paths.socket());
        agent.put("running", running);
        if (running) {
            try {
                JsonNode answer = new IpcClient(paths.socket()).send(IpcClient.request("status"));
                agent.set("status", answer.path("status"));
            } catch (IOException e) {
                agent.put("error", "the agent did not answer: " + e.getMessage());
            }
        }
        return agent;
    }

    private Optional<Configuration> configuration(ObjectNode report) {
        try {
            return Optional.of(Configuration.load(paths.agentConf(), paths.profileFolders()));
        } catch (ProfileException e) {
            ArrayNode problems = report.putArray("configurationProblems");
            e.problems().forEach(p -> problems.add(p.toString()));
            return Optional.empty();
        }
    }

    private Optional<NetworkLocation> location(ObjectNode report, Optional<Configuration> configuration) {
        try {
            NetworkLocation here = adapters.network().current(configuration.map(c -> ProbeRequests.of(c.profiles()))
                    .orElse(io.github.wuproxy.port.ProbeRequest.NONE));
            report.put("network", here.describe());
            report.put("fingerprint", here.fingerprint().toString());
            return Optional.of(here);
        } catch (SourceException e) {
            report.put("network", "could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Desired> decision(ObjectNode report, Optional<Configuration> configuration, Optional<NetworkLocation> location) {
        if (configuration.isEmpty() || location.isEmpty()) {
            return Optional.empty();
        }
        Optional<io.github.wuproxy.core.profile.ManualChoice> manual;
        try {
            manual = new FileStateStore(paths.state()).load().manual();
        } catch (io.github.wuproxy.port.StateException e) {
            manual = Optional.empty();
        }
        Desired desired = new Planner(configuration.get().profiles(), adapters.user(), adapters.pac()).plan(location.get(), manual);
        ObjectNode decision = report.putObject("decision");
        decision.put("profile", desired.selection().profile().name());
        decision.put("basis", desired.selection().basis().name().toLowerCase(Locale.ROOT));
        decision.put("why", desired.selection().why());
        decision.set("desired", desired.proxy().map(ProxyJson::write).orElse(null));
        decision.put("note", desired.note());
        desired.problem().ifPresent(p -> decision.put("problem", p.text()));
        decision.put("verify", desired.selection().profile().verification().mode().word());
        return Optional.of(desired);
    }

    /** What the stores hold, read once for the report, the mismatches and the checks. */
    private record Stores(StoredSettings stored, Optional<Optional<UpdateProxy>> winHttp32) {}

    private Stores stores(ObjectNode report, Optional<UserProxySettings> user) {
        ObjectNode stores = report.putObject("stores");
        Stores read;
        try {
            read = new Stores(adapters.store().read(), adapters.store().winHttp32());
            stores.set("winHttp", read.stored().winHttp().map(ProxyJson::write).orElse(null));
            stores.put("winHttpSettings", java.util.HexFormat.of().formatHex(read.stored().winHttpSettings()));
            read.winHttp32().ifPresent(copy -> stores.set("winHttp32", copy.map(ProxyJson::write).orElse(null)));
            ObjectNode bits = stores.putObject("bits");
            read.stored().bitsRaw().forEach(bits::put);
        } catch (StoreException e) {
            stores.put("error", e.getMessage());
            read = new Stores(new StoredSettings(new byte[0], Optional.empty(), Map.of(), Optional.empty()), Optional.empty());
        }
        stores.put("user", user.map(u -> Secrets.redact(u.describe())).orElse("not known"));
        ObjectNode env = stores.putObject("environment");
        for (String name : PROXY_VARIABLES) {
            variable(name).ifPresent(value -> env.put(name, Secrets.redact(value)));
        }
        stores.put("setProxyBehaviorForUpdateDetection", policy.userProxyFallback() ? 1 : 0);
        stores.put("wsusServer", policy.wsusServer().map(Secrets::redact).orElse(null));
        UpdateStoreViews.write(stores, windowsStores, user);
        return read;
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).or(() -> Optional.ofNullable(environment.get(name.toLowerCase(Locale.ROOT))));
    }

    /** The proxy a profile wants here, after its verify test chose among its own proxy and its fallbacks. */
    private record Wanted(String profile, Optional<UpdateProxy> proxy) {}

    /**
     * What the engine would keep: with {@code verify = required}, the first of the profile's proxy and
     * its fallbacks that got through, as the checks found; otherwise the profile's own proxy.
     */
    private static Optional<UpdateProxy> chosen(Desired desired, Map<UpdateProxy, ProxyCheck> checked) {
        Verification verification = desired.selection().profile().verification();
        if (desired.proxy().isEmpty() || verification.mode() != Verification.Mode.REQUIRED) {
            return desired.proxy();
        }
        List<UpdateProxy> candidates = new ArrayList<>();
        candidates.add(desired.proxy().get());
        candidates.addAll(verification.fallback());
        return candidates.stream().filter(c -> checked.containsKey(c) && checked.get(c).outcome() == ProxyCheck.Outcome.REACHED).findFirst()
                .or(desired::proxy);
    }

    private void views(ObjectNode report, Stores read, Optional<UserProxySettings> user, Optional<Wanted> wanted) {
        StoredSettings stored = read.stored();
        ProxyViews views = new ProxyViews(stored.winHttp(), read.winHttp32(), stored.bits(), stored.bitsRaw(), user,
                wanted.flatMap(Wanted::proxy), wanted.map(Wanted::profile).orElse("?"),
                policy.userProxyFallback(), policy.wsusServer());
        ArrayNode mismatches = report.putArray("mismatches");
        List<ProxyViews.Mismatch> found = new ArrayList<>(views.mismatches());
        found.addAll(UpdateStoreViews.mismatches(windowsStores, stored.winHttp(), user,
                wanted.flatMap(Wanted::proxy), wanted.map(Wanted::profile).orElse("?")));
        found.forEach(m -> mismatches.addObject().put("what", Secrets.redact(m.what())).put("breaks", m.breaks())
                .put("affects", m.affects().word()));
    }

    /** Tests what Windows Update uses now, what the profile wants, and the profile's fallbacks. */
    private Map<UpdateProxy, ProxyCheck> checks(ArrayNode checks, StoredSettings stored, Optional<Desired> desired) {
        Set<UpdateProxy> candidates = new LinkedHashSet<>();
        stored.winHttp().ifPresent(candidates::add);
        desired.flatMap(Desired::proxy).ifPresent(candidates::add);
        desired.map(d -> d.selection().profile().verification()).map(Verification::fallback).ifPresent(candidates::addAll);
        Map<UpdateProxy, ProxyCheck> checked = new java.util.HashMap<>();
        for (UpdateProxy candidate : candidates) {
            ProxyCheck check = adapters.verifier().check(candidate);
            checked.put(candidate, check);
            ObjectNode node = checks.addObject();
            node.set("proxy", ProxyJson.write(candidate));
            node.put("outcome", check.outcome().word());
            node.put("detail", Secrets.redact(check.detail()));
            check.wouldFailWith().ifPresent(code -> node.put("wouldFailWith", String.format(Locale.ROOT, "0x%08X", code)));
        }
        return checked;
    }

    private void scans(ObjectNode report) {
        report.put("nextScan", windowsStores.nextScan().map(Object::toString).orElse(null));
        ArrayNode scans = report.putArray("scans");
        try {
            for (ScanResult scan : adapters.scans().recent(SCANS)) {
                ObjectNode node = scans.addObject().put("at", scan.at().toString()).put("result", scan.code());
                scan.error().ifPresent(code -> node.put("meaning", UpdateErrors.find(code)
                        .map(e -> e.name() + ": " + e.meaning() + "; likely " + e.likelyCause())
                        .orElse("not a network/proxy code wuproxy knows (" + UpdateErrors.decode(code) + ")")));
            }
        } catch (SourceException e) {
            report.put("scansError", e.getMessage());
        }
    }

    /** The last problems the agent recorded (its journal, not its log text), redacted. */
    private JsonNode recentProblems() {
        ArrayNode lines = Json.array();
        try {
            for (ProblemJournal.Entry entry : ProblemJournal.read(paths.problems(), PROBLEM_LINES)) {
                lines.add(entry.at() + " " + (entry.cleared() ? entry.code() + " cleared" : Secrets.redact(entry.text())));
            }
        } catch (IOException e) {
            lines.add("the problem journal could not be read: " + e.getMessage());
        }
        return lines;
    }
}
