package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;

/** The machine-wide proxy settings Windows Update uses: WinHTTP's, and the BITS service accounts'. */
public interface UpdateProxyStore {
    StoredSettings read() throws StoreException;

    void writeWinHttp(UpdateProxy proxy) throws StoreException;

    void writeBits(UpdateProxy proxy) throws StoreException;

    /** Puts back settings exactly as {@link #read()} returned them. */
    void restore(StoredSettings original) throws StoreException;

    /** Calls {@code onWrite} (from any thread) when anyone, wuproxy included, writes the WinHTTP value. */
    void watch(Runnable onWrite);
}
