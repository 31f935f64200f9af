package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.json.ViewJson;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Pushes every new status to the trays subscribed over the local channel; each keeps the rights its first answer gave. */
final class ChannelNotifier implements Consumer<AgentStatus> {
    private final IpcServer channel;
    private final Supplier<List<io.github.wuproxy.core.profile.Profile>> profiles;

    ChannelNotifier(IpcServer channel, Supplier<List<io.github.wuproxy.core.profile.Profile>> profiles) {
        this.channel = channel;
        this.profiles = profiles;
    }

    @Override
    public void accept(AgentStatus status) {
        List<AgentView.Offer> offers = profiles.get().stream().map(p -> new AgentView.Offer(p.name(), p.kind(), Optional.empty())).toList();
        ObjectNode event = ViewJson.write(new AgentView(Optional.of(status), offers, AgentView.Rights.NONE, Optional.empty()));
        event.remove("rights");
        channel.publish(event);
    }
}
