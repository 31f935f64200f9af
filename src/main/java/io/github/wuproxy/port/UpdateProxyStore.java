package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;

/** The machine-wide proxy settings Windows Update uses: WinHTTP's, and the BITS service accounts'. */
public interface UpdateProxyStore {
    StoredSettings read() throws StoreException;

    void writeWinHttp(UpdateProxy proxy) throws StoreException;

    void writeBits(UpdateProxy proxy) throws StoreException;

    /** Puts back settings exactly as {@link #read()} returned them. */
    void restore(StoredSettings original) throws StoreException;

    /**
     * The 32-bit programs' copy of the WinHTTP value (WOW6432Node), for diagnostics: empty where the
     * machine has none, a present empty when it cannot be understood.
     */
    default Optional<Optional<UpdateProxy>> winHttp32() throws StoreException {
        return Optional.empty();
    }

    /** Calls {@code onWrite} (from any thread) when anyone, wuproxy included, writes the WinHTTP value. */
    void watch(Runnable onWrite);
}
