package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.ipc.StatusJson;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.SyncStatus;
import io.github.wuproxy.tray.TrayMenus;
import java.util.List;

/** Passes everything on, and pushes every new status to the trays subscribed over the local channel. */
final class ChannelNotifier extends ForwardingNotifier {
    private final List<TrayMenus.Entry> profiles;
    private volatile IpcServer channel;

    ChannelNotifier(Notifier next, List<TrayMenus.Entry> profiles) {
        super(next);
        this.profiles = List.copyOf(profiles);
    }

    /** The channel opens after the engine starts; statuses before it have no subscriber anyway. */
    void attach(IpcServer server) {
        channel = server;
    }

    @Override
    public void status(SyncStatus status) {
        super.status(status);
        IpcServer server = channel;
        if (server != null) {
            ObjectNode event = Json.MAPPER.createObjectNode().put("ok", true);
            event.set("status", StatusJson.write(status));
            var list = event.putArray("profiles");
            profiles.forEach(p -> list.addObject().put("name", p.name()).put("kind", p.kind().word()));
            server.publish(event);
        }
    }
}
