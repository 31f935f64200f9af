package io.github.wuproxy.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Wevtapi;
import com.sun.jna.platform.win32.WevtapiUtil;
import com.sun.jna.platform.win32.Winevt;
import com.sun.jna.ptr.IntByReference;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.ScanSource;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.windows.win32.Wevt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Windows Update's scan events, live (EvtSubscribe) and the latest ones (EvtQuery, newest first). */
public final class UpdateClientEventSource implements ScanSource {
    private Winevt.EVT_HANDLE subscription;
    /** Held so the garbage collector keeps the native callback alive as long as the subscription. */
    private Wevt.EVT_SUBSCRIBE_CALLBACK callback;

    private UpdateClientEventSource() {}

    public static UpdateClientEventSource open() {
        return new UpdateClientEventSource();
    }

    @Override
    public synchronized void watch(Consumer<ScanResult> listener) throws SourceException {
        callback = (action, context, event) -> {
            if (action == Winevt.EVT_SUBSCRIBE_NOTIFY_ACTION.EvtSubscribeActionDeliver) {
                render(event).flatMap(UpdateClientEvents::parse).ifPresent(listener);
            }
            return 0;
        };
        subscription = Wevtapi.INSTANCE.EvtSubscribe(null, null, UpdateClientEvents.CHANNEL, UpdateClientEvents.QUERY, null, null,
                callback, Winevt.EVT_SUBSCRIBE_FLAGS.EvtSubscribeToFutureEvents);
        if (subscription == null) {
            throw new SourceException(Win32Errors.describe("EvtSubscribe(" + UpdateClientEvents.CHANNEL + ")", Native.getLastError(), null));
        }
    }

    @Override
    public List<ScanResult> recent(int max) throws SourceException {
        Winevt.EVT_HANDLE query = Wevtapi.INSTANCE.EvtQuery(null, UpdateClientEvents.CHANNEL, UpdateClientEvents.QUERY,
                Winevt.EVT_QUERY_FLAGS.EvtQueryChannelPath | Winevt.EVT_QUERY_FLAGS.EvtQueryReverseDirection);
        if (query == null) {
            throw new SourceException(Win32Errors.describe("EvtQuery(" + UpdateClientEvents.CHANNEL + ")", Native.getLastError(), null));
        }
        List<ScanResult> scans = new ArrayList<>();
        try {
            Winevt.EVT_HANDLE[] events = new Winevt.EVT_HANDLE[Math.max(1, Math.min(max, 64))];
            IntByReference returned = new IntByReference();
            while (scans.size() < max && Wevtapi.INSTANCE.EvtNext(query, events.length, events, 2000, 0, returned)) {
                for (int i = 0; i < returned.getValue(); i++) {
                    if (scans.size() < max) {
                        render(events[i]).flatMap(UpdateClientEvents::parse).ifPresent(scans::add);
                    }
                    Wevtapi.INSTANCE.EvtClose(events[i]);
                }
            }
        } finally {
            Wevtapi.INSTANCE.EvtClose(query);
        }
        return scans;
    }

    private static Optional<String> render(Winevt.EVT_HANDLE event) {
        try {
            Memory xml = WevtapiUtil.EvtRender(null, event, Winevt.EVT_RENDER_FLAGS.EvtRenderEventXml, new IntByReference());
            return Optional.of(xml.getWideString(0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
