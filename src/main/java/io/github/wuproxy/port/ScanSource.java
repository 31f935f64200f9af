package io.github.wuproxy.port;

import java.util.List;
import java.util.function.Consumer;

/** Windows Update's own reports of its scans (the WindowsUpdateClient event log), as they happen. */
public interface ScanSource {
    /** Calls {@code listener} for every scan that finishes from now on, on any thread. */
    void watch(Consumer<ScanResult> listener) throws SourceException;

    /** The last scans, newest first. */
    List<ScanResult> recent(int max) throws SourceException;

    /** No scan reports: for machines without Windows Update. */
    ScanSource NONE = new ScanSource() {
        @Override
        public void watch(Consumer<ScanResult> listener) {}

        @Override
        public List<ScanResult> recent(int max) {
            return List.of();
        }
    };
}
