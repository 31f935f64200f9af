package io.github.wuproxy.cli;

import io.github.wuproxy.ipc.ChannelAgentApi;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.tray.DesktopNotifications;
import io.github.wuproxy.tray.TrayPresenter;
import io.github.wuproxy.tray.TrayView;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wuproxy tray}: the tray of a user's session for a service started separately; started at
 * logon. It shows the service's status, sends the user's clicks, and hands over the user's own proxy
 * settings at start and every minute (a service running as SYSTEM cannot read them; WinINet gives
 * no change notification to rely on).
 */
@Command(name = "tray")
public final class TrayCommand implements Callable<Integer> {
    static final Duration RECONNECT = Duration.ofSeconds(5);
    static final Duration HAND_OVER = Duration.ofMinutes(1);

    @Spec
    CommandSpec spec;

    private final java.nio.file.Path socket;
    private final java.util.function.Supplier<UserProxySource> user;
    private final java.util.function.Function<Runnable, TrayPresenter.Desk> desk;
    private final java.util.Optional<RestoreCommand.UserStores> userStores;

    /** @param desk the desktop's folders and reports, given what to do on Exit */
    public TrayCommand(java.nio.file.Path socket, java.util.function.Supplier<UserProxySource> user,
            java.util.function.Function<Runnable, TrayPresenter.Desk> desk) {
        this(socket, user, desk, null);
    }

    /** @param userStores the user's own proxy settings and their backup, which the tray sets where a profile says so */
    public TrayCommand(java.nio.file.Path socket, java.util.function.Supplier<UserProxySource> user,
            java.util.function.Function<Runnable, TrayPresenter.Desk> desk, RestoreCommand.UserStores userStores) {
        this.socket = socket;
        this.user = user;
        this.desk = desk;
        this.userStores = java.util.Optional.ofNullable(userStores);
    }

    @Override
    public Integer call() throws Exception {
        UserProxySource user = this.user.get();
        var service = new ChannelAgentApi(new IpcClient(socket), RECONNECT);
        var exited = new CountDownLatch(1);
        var presenter = new TrayPresenter(service, desk.apply(exited::countDown), new DesktopNotifications(true), ZoneId.systemDefault());
        var view = TrayView.start(presenter);
        if (view.isEmpty()) {
            spec.commandLine().getErr().println(Texts.get("tray.none"));
            return ExitCodes.OK;
        }
        var handOver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wuproxy-tray-handover");
            t.setDaemon(true);
            return t;
        });
        handOver.scheduleWithFixedDelay(() -> user.current().ifPresent(settings -> {
            try {
                service.handOver(settings);
            } catch (AgentRefusal e) {
                // no service yet, or one that reads them itself: the next round tries again
                LoggerFactory.getLogger(TrayCommand.class).debug("user proxy not handed over: {}", e.getMessage());
            }
        }), 0, HAND_OVER.toMillis(), TimeUnit.MILLISECONDS);
        if (userStores.isPresent()) {
            try {
                presenter.keepUserProxy(userProxyStep(userStores.get(), user, service));
            } catch (io.github.wuproxy.port.StoreException e) {
                LoggerFactory.getLogger(TrayCommand.class).info("the tray leaves your proxy settings alone: {}", e.getMessage());
            }
        }
        presenter.attach(view.get());
        exited.await();
        handOver.shutdownNow();
        presenter.close();
        return ExitCodes.OK;
    }

    /** The user's own proxy, set by the tray in the user's session and handed over to the service at once. */
    public static TrayPresenter.UserProxyStep userProxyStep(RestoreCommand.UserStores stores, UserProxySource user, ChannelAgentApi service)
            throws io.github.wuproxy.port.StoreException {
        var keeper = new io.github.wuproxy.engine.UserProxyKeeper(stores.writer(), stores.backups());
        var log = LoggerFactory.getLogger(TrayCommand.class);
        return status -> {
            var outcome = keeper.keep(status.userProxy());
            if (outcome instanceof io.github.wuproxy.engine.UserProxyKeeper.Outcome.Failed failed) {
                log.warn("{}", failed.why());
                return java.util.Optional.of(failed.why());
            }
            if (!(outcome instanceof io.github.wuproxy.engine.UserProxyKeeper.Outcome.Unchanged)) {
                log.info("your proxy settings: {} ({})", outcome.describe(), status.userProxy().why());
                var now = user.current();
                if (now.isPresent()) {
                    service.handOver(now.get());
                }
            }
            return java.util.Optional.empty();
        };
    }
}
