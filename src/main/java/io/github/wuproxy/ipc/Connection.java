package io.github.wuproxy.ipc;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Optional;

/** One caller's connection; touched only on the channel's I/O thread. */
final class Connection {
    final SocketChannel channel;
    final Optional<String> peer;
    final ByteBuffer in = ByteBuffer.allocate(IpcProtocol.MAX_LINE);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    long deadline;
    boolean subscriber;
    boolean closeWhenWritten;
    SelectionKey key;

    Connection(SocketChannel channel, Optional<String> peer) {
        this.channel = channel;
        this.peer = peer;
    }
}
