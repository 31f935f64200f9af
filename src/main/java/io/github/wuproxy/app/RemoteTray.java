package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.ipc.StatusJson;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.tray.TrayView;
import io.github.wuproxy.tray.TrayActions;
import io.github.wuproxy.tray.TrayMenus;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray in a user's session talking to the service over the local channel: it shows the
 * service's status, sends the user's clicks, and hands over the user's own proxy settings, which
 * a service running as SYSTEM cannot read.
 */
final class RemoteTray implements TrayActions {
    private static final Logger log = LoggerFactory.getLogger(RemoteTray.class);
    private final IpcClient channel;
    private final UserProxySource user;
    private final AgentPaths paths;
    private volatile Optional<io.github.wuproxy.port.SyncStatus> shown = Optional.empty();
    private final CountDownLatch exited = new CountDownLatch(1);
    private TrayView view;
    private String lastError = "";

    RemoteTray(IpcClient channel, UserProxySource user, AgentPaths paths) {
        this.channel = channel;
        this.user = user;
        this.paths = paths;
    }

    /**
     * Subscribes to the service's status and shows every change; reconnects {@code retryMillis} after
     * the service went away. The user's own settings are handed over at each connection and every
     * {@code handOverMillis} (WinINet gives no change notification to rely on).
     */
    void run(TrayView tray, long retryMillis, long handOverMillis) throws InterruptedException {
        view = tray;
        var handOver = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wuproxy-tray-handover");
            t.setDaemon(true);
            return t;
        });
        handOver.scheduleWithFixedDelay(this::handOverUserProxy, handOverMillis, handOverMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        Thread listener = new Thread(() -> listen(retryMillis), "wuproxy-tray-subscription");
        listener.setDaemon(true);
        listener.start();
        exited.await();
        handOver.shutdownNow();
        tray.close();
    }

    private void listen(long retryMillis) {
        try {
            while (exited.getCount() > 0) {
                handOverUserProxy();
                try {
                    channel.subscribe(status -> refresh(Optional.of(status)));
                } catch (IOException e) {
                    if (!e.getMessage().equals(lastError)) {
                        log.warn("{}", e.getMessage());
                        lastError = e.getMessage();
                    }
                }
                refresh(Optional.empty());
                exited.await(retryMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOverUserProxy() {
        user.current().ifPresent(settings -> {
            ObjectNode request = IpcClient.request("user-proxy");
            request.set("userProxy", UserProxyJson.write(settings));
            send(request); // an agent that reads them itself says so; nothing to do then
        });
    }

    private Optional<JsonNode> send(ObjectNode request) {
        try {
            JsonNode answer = channel.send(request);
            lastError = "";
            return Optional.of(answer);
        } catch (IOException e) {
            if (!e.getMessage().equals(lastError)) {
                log.warn("{}", e.getMessage());
                lastError = e.getMessage();
            }
            return Optional.empty();
        }
    }

    private void refresh(Optional<JsonNode> answer) {
        if (answer.isEmpty() || !answer.get().path("status").isObject()) {
            view.show(TrayMenus.build(Optional.empty(), List.of(), false, Optional.of("the wuproxy service does not answer"),
                    ZoneId.systemDefault()));
            return;
        }
        List<TrayMenus.Entry> profiles = new ArrayList<>();
        for (JsonNode p : answer.get().path("profiles")) {
            profiles.add(new TrayMenus.Entry(p.path("name").asText(), ProfileKind.fromWord(p.path("kind").asText("custom"))));
        }
        shown = Optional.of(StatusJson.read(answer.get().path("status")));
        view.show(TrayMenus.build(shown, profiles, false, Optional.empty(), ZoneId.systemDefault()));
    }

    @Override
    public void selected(String id) {
        ObjectNode request;
        if (id.startsWith(TrayMenus.PROFILE)) {
            request = IpcClient.request("use").put("profile", id.substring(TrayMenus.PROFILE.length()));
        } else if (id.startsWith(TrayMenus.REMEMBER)) {
            request = IpcClient.request("remember").put("profile", id.substring(TrayMenus.REMEMBER.length()));
        } else {
            switch (id) {
                case TrayMenus.AUTOMATIC -> request = IpcClient.request("auto");
                case TrayMenus.SYNC -> request = IpcClient.request("sync");
                case TrayMenus.SCAN -> request = IpcClient.request("scan");
                case TrayMenus.PAUSE -> request = IpcClient.request("pause");
                case TrayMenus.RESUME -> request = IpcClient.request("resume");
                case TrayMenus.KEEP -> {
                    boolean sticky = shown.map(s -> s.basis().equals("sticky")).orElse(false);
                    request = IpcClient.request("use").put("profile", shown.map(s -> s.profile()).orElse("")).put("sticky", !sticky);
                }
                case TrayMenus.OPEN_PROFILES -> {
                    TrayController.open(paths.install().resolve("profiles"));
                    return;
                }
                case TrayMenus.OPEN_LOGS -> {
                    TrayController.open(paths.logs());
                    return;
                }
                case TrayMenus.DIAGNOSE -> {
                    java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            log.info("{}", DiagnoseCommand.toFileAndOpen());
                        } catch (Exception e) {
                            log.warn("could not diagnose: {}", e.getMessage());
                        }
                    });
                    return;
                }
                case TrayMenus.EXIT -> {
                    exited.countDown();
                    return;
                }
                default -> {
                    log.info("wuproxy {}", io.github.wuproxy.cli.Version.current());
                    return;
                }
            }
        }
        Optional<JsonNode> answer = send(request);
        answer.filter(a -> !a.path("ok").asBoolean()).ifPresent(a -> log.warn("the service refused: {}", a.path("error").asText()));
        // The subscription brings the new status; nothing to refresh here.
    }
}
