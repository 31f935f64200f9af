package io.github.wuproxy.app;

import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.engine.OneShot;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import io.github.wuproxy.port.Policy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent's verbs in its own process, for one caller: its tray, and the channel's handler acting
 * for a caller whose rights it has checked. A non-administrator's choices obey the organisation's policy.
 */
final class LocalAgentApi implements AgentApi {
    private final Agent agent;
    private final AgentActions actions;
    private final StatusHub hub;
    private final boolean admin;

    LocalAgentApi(Agent agent, AgentActions actions, StatusHub hub, boolean admin) {
        this.agent = agent;
        this.actions = actions;
        this.hub = hub;
        this.admin = admin;
    }

    /** The same agent for a caller with other rights. */
    LocalAgentApi forCaller(boolean callerIsAdmin) {
        return new LocalAgentApi(agent, actions, hub, callerIsAdmin);
    }

    @Override
    public AgentView view() throws AgentRefusal {
        return viewOf(call(SyncEngine::status), call(SyncEngine::profiles).all());
    }

    private AgentView viewOf(Optional<AgentStatus> status, List<Profile> profiles) {
        Policy policy = actions.policy();
        List<AgentView.Offer> offers = profiles.stream().map(p -> new AgentView.Offer(p.name(), p.kind(),
                admin ? Optional.<String>empty() : policy.refusesChoiceOf(p.name()))).toList();
        Optional<String> managed = !admin && policy.locked() ? Optional.of("managed by your organisation") : Optional.empty();
        return new AgentView(status, offers, new AgentView.Rights(true, admin, managed), Optional.empty());
    }

    @Override
    public AutoCloseable subscribe(Consumer<AgentView> listener) {
        return hub.subscribe(status -> listener.accept(viewOf(Optional.of(status), agent.profiles())));
    }

    /** Refuses a name that is no profile here, in the engine's words and the same as data. */
    private void known(String profile) throws AgentRefusal {
        List<String> names = agent.profiles().stream().map(p -> p.name()).toList();
        if (!names.contains(profile)) {
            throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, "there is no profile " + profile + "; profiles are " + String.join(", ", names),
                    AgentRefusal.Why.of("no-profile", profile, String.join(", ", names)));
        }
    }

    @Override
    public void use(String profile, boolean sticky) throws AgentRefusal {
        Optional<AgentRefusal.Why> refused = admin ? Optional.empty() : actions.policy().choiceRefusal(profile);
        if (refused.isPresent()) {
            throw new AgentRefusal(AgentRefusal.Kind.NOT_ALLOWED, Policy.english(refused.get()), refused.get());
        }
        known(profile);
        call(engine -> {
            engine.use(profile, sticky);
            return null;
        });
    }

    @Override
    public void auto() throws AgentRefusal {
        if (!admin && actions.policy().locked()) {
            throw new AgentRefusal(AgentRefusal.Kind.NOT_ALLOWED, Policy.english(Policy.CHOICE_LOCKED), Policy.CHOICE_LOCKED);
        }
        run(SyncEngine::useAutomatic);
    }

    @Override
    public void sync() throws AgentRefusal {
        run(SyncEngine::syncNow);
    }

    @Override
    public void pause() throws AgentRefusal {
        adminOnly("pause", "pause");
        run(engine -> engine.setPaused(true));
    }

    @Override
    public void resume() throws AgentRefusal {
        adminOnly("resume", "resume");
        run(engine -> engine.setPaused(false));
    }

    @Override
    public String scan() throws AgentRefusal {
        try {
            return actions.scanNow();
        } catch (Exception e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, e.getMessage());
        }
    }

    @Override
    public io.github.wuproxy.port.Remembered remember(String profile, boolean keep) throws AgentRefusal {
        adminOnly("remember networks", "remember");
        known(profile);
        try {
            return actions.remember(profile, keep);
        } catch (IllegalArgumentException e) {
            throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, e.getMessage());
        } catch (Exception e) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, e.getMessage());
        }
    }

    @Override
    public io.github.wuproxy.port.ProxySetAnswer set(UpdateProxy proxy) throws AgentRefusal {
        adminOnly("set the proxy", "set");
        Object result = call(engine -> {
            try {
                return engine.applyByHand(proxy);
            } catch (OneShot.Failure f) {
                return f;
            }
        });
        if (result instanceof OneShot.Failure f) {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, f.problem().text());
        }
        return (io.github.wuproxy.port.ProxySetAnswer) result;
    }

    @Override
    public void reload() throws AgentRefusal {
        adminOnly("reload", "reload");
        actions.reload();
    }

    /** {@code what} in the log's words; {@code command} the CLI's verb, for the words of the user's language. */
    private void adminOnly(String what, String command) throws AgentRefusal {
        if (!admin) {
            throw new AgentRefusal(AgentRefusal.Kind.NOT_ALLOWED, "only administrators may " + what, AgentRefusal.Why.of("admins-only", command));
        }
    }

    private void run(Consumer<SyncEngine> action) throws AgentRefusal {
        call(engine -> {
            action.accept(engine);
            return null;
        });
    }

    private <T> T call(Function<SyncEngine, T> action) throws AgentRefusal {
        try {
            return agent.call(action);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, bad.getMessage());
            }
            if (e.getCause() instanceof IllegalStateException refused) { // the state could not be saved: nothing changed
                throw new AgentRefusal(AgentRefusal.Kind.FAILED, refused.getMessage());
            }
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentRefusal(AgentRefusal.Kind.UNAVAILABLE, "interrupted");
        } catch (Exception e) {
            throw new AgentRefusal(AgentRefusal.Kind.UNAVAILABLE, "the agent did not answer in time: " + e);
        }
    }
}
