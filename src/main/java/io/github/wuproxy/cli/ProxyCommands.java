package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.OneShot;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.ProxySetAnswerJson;
import io.github.wuproxy.port.ProxySetAnswer;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The proxycfg verbs (show, reset, import, set) and {@code show}, for every store. */
public final class ProxyCommands {
    private ProxyCommands() {}

    public static void addTo(CommandLine cli, Machine machine) {
        cli.addSubcommand(new Show(machine));
        cli.addSubcommand(new Reset(machine));
        cli.addSubcommand(new Import(machine));
        cli.addSubcommand(new Set(machine));
    }

    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        private final Machine machine;

        Show(Machine machine) {
            this.machine = machine;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoredSettings stored;
            try {
                stored = machine.store().read();
            } catch (StoreException e) {
                spec.commandLine().getErr().println(Texts.get("show.unreadable", e.getMessage()));
                return ExitCodes.FAILURE;
            }
            out.println();
            out.println(Texts.get("show.heading"));
            out.println();
            out.println(io.github.wuproxy.core.proxy.Secrets.redact(netsh(stored.winHttp())));
            out.println();
            out.println(io.github.wuproxy.core.proxy.Secrets.redact(Texts.get("show.bits", stored.bits().map(p -> Texts.get("show.bitsAll", p.describe()))
                    .orElse(Texts.get("show.bitsMixed", stored.bitsRaw().keySet())))));
            out.println(io.github.wuproxy.core.proxy.Secrets.redact(Texts.get("show.user", machine.user().current().map(UserProxySettings::describe).orElse(Texts.get("status.unknown")))));
            out.flush();
            return ExitCodes.OK;
        }

        static String netsh(Optional<UpdateProxy> proxy) {
            if (proxy.isEmpty()) {
                return Texts.get("show.notUnderstood");
            }
            if (proxy.get() instanceof UpdateProxy.Fixed fixed) {
                return Texts.get("show.fixed", fixed.server(), fixed.bypass().isEmpty() ? Texts.get("show.noBypass") : fixed.bypass());
            }
            return Texts.get("show.direct");
        }
    }

    /** What set, reset or import did, in the user's language. */
    static String said(ProxySetAnswer answer) {
        String done = !answer.changed() ? Texts.get("set.already", answer.proxy().describe())
                : Texts.get(answer.restarted() ? "set.doneRestarted" : "set.done", answer.proxy().describe(),
                        answer.before().map(UpdateProxy::describe).orElse(Texts.get("status.unknown")));
        return answer.paused() ? Texts.get("set.paused", done) : done;
    }

    /** Applies one proxy: through the running agent (which then stays paused), or directly. */
    abstract static class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        final Machine machine;

        Apply(Machine machine) {
            this.machine = machine;
        }

        abstract UpdateProxy proxy() throws CommandLine.ParameterException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            UpdateProxy proxy;
            try {
                proxy = proxy();
            } catch (InvalidProxyException e) {
                err.println(Texts.get("set.invalid", e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (IpcClient.isAlive(machine.socket())) {
                try {
                    var request = IpcClient.request("set");
                    request.set("proxy", ProxyJson.write(proxy));
                    JsonNode answer = new IpcClient(machine.socket()).send(request);
                    if (!answer.path("ok").asBoolean()) {
                        err.println(Texts.get("agent.refused", AgentRequestCommand.refusal(answer)));
                        return answer.path("error").asText().startsWith("WUP200") ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
                    }
                    // an older agent answers with its English message only
                    out.println(answer.path("answer").isObject() ? said(ProxySetAnswerJson.read(answer.path("answer"))) : answer.path("message").asText());
                    return ExitCodes.OK;
                } catch (JsonFormatException e) {
                    err.println(Texts.get("set.notUnderstood", e.getMessage()));
                    return ExitCodes.FAILURE;
                } catch (IOException e) {
                    err.println(e.getMessage());
                    return ExitCodes.FAILURE;
                }
            }
            try {
                out.println(said(OneShot.apply(machine.store(), machine.service(), machine.state(), Clock.systemUTC(), proxy)));
                return ExitCodes.OK;
            } catch (OneShot.Failure e) {
                var code = e.problem().code();
                err.println(Texts.get("problem.line", io.github.wuproxy.core.problem.ProblemTexts.headline(code, Texts.locale()),
                        io.github.wuproxy.core.problem.ProblemTexts.whatToDo(code, Texts.locale())));
                err.println(Texts.get("problem.details", e.problem().text()));
                return e.problem().code() == io.github.wuproxy.core.problem.ProblemCode.WRITE_DENIED ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
            } catch (StoreException e) {
                err.println(Texts.get("set.storeUnavailable", e.getMessage()));
                return ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "reset")
    static final class Reset extends Apply {
        Reset(Machine machine) {
            super(machine);
        }

        @Override
        UpdateProxy proxy() {
            return UpdateProxy.direct();
        }
    }

    @Command(name = "import")
    static final class Import extends Apply {
        Import(Machine machine) {
            super(machine);
        }

        @Override
        UpdateProxy proxy() {
            // As netsh: only the manual proxy and bypass list; a setup script or auto-detection is not imported.
            return machine.user().current().flatMap(UserProxySettings::manual).map(UpdateProxy.class::cast).orElse(UpdateProxy.direct());
        }
    }

    @Command(name = "set")
    static final class Set extends Apply {
        @Parameters(index = "0", paramLabel = "PROXY", descriptionKey = "proxy")
        String server;

        @Parameters(index = "1", arity = "0..1", paramLabel = "BYPASS", descriptionKey = "bypass")
        String bypass = "";

        Set(Machine machine) {
            super(machine);
        }

        @Override
        UpdateProxy proxy() {
            return UpdateProxy.fixed(server, bypass);
        }
    }
}
