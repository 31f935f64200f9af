package io.github.wuproxy.sim;

import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.ScanSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Scan reports fed by a test or a timeline, as the WindowsUpdateClient log would give them. */
public final class ScriptedScanSource implements ScanSource {
    private static final int KEEP = 50;
    private final Deque<ScanResult> recent = new ArrayDeque<>();
    private Consumer<ScanResult> listener = scan -> {};

    @Override
    public void watch(Consumer<ScanResult> listener) {
        this.listener = listener;
    }

    @Override
    public List<ScanResult> recent(int max) {
        return recent.stream().limit(max).toList();
    }

    public void report(ScanResult scan) {
        recent.addFirst(scan);
        if (recent.size() > KEEP) {
            recent.removeLast();
        }
        listener.accept(scan);
    }
}
