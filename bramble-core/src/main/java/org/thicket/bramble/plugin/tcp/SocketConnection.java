package org.thicket.bramble.plugin.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/**
 * A TCP socket as a duplex connection, for every transport that ends in a socket (LAN, Tor's SOCKS and onion
 * sockets). The socket closes once both halves are disposed of, or at once when either half ends with an error: a
 * broken stream one way means the peer will not finish the other.
 */
public final class SocketConnection implements DuplexTransportConnection {

    private final Socket socket;
    private final long maxLatencyMs;
    private final long maxIdleTimeMs;
    private final TransportConnectionReader reader = new Reader();
    private final TransportConnectionWriter writer = new Writer();

    private final Object lock = new Object();
    private boolean readerDisposed; // guarded by lock
    private boolean writerDisposed; // guarded by lock

    /**
     * Turns Nagle's algorithm off: sync flushes each batch of records as soon as it is written, and holding a small
     * last segment back until the peer's delayed ack (up to 40 ms on Linux) would add that to every message's
     * latency.
     *
     * @throws SocketException if the socket is already closed
     */
    public SocketConnection(Socket socket, long maxLatencyMs, long maxIdleTimeMs) throws SocketException {
        socket.setTcpNoDelay(true);
        this.socket = socket;
        this.maxLatencyMs = maxLatencyMs;
        this.maxIdleTimeMs = maxIdleTimeMs;
    }

    @Override
    public TransportConnectionReader getReader() {
        return reader;
    }

    @Override
    public TransportConnectionWriter getWriter() {
        return writer;
    }

    @Override
    public void close(boolean exception) throws IOException {
        socket.close();
    }

    private void disposed(boolean isReader, boolean exception) throws IOException {
        boolean close;
        synchronized (lock) {
            if (isReader) readerDisposed = true;
            else writerDisposed = true;
            close = exception || (readerDisposed && writerDisposed);
        }
        if (close) socket.close();
    }

    private final class Reader implements TransportConnectionReader {

        @Override
        public InputStream getInputStream() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public void dispose(boolean exception, boolean recognised) throws IOException {
            disposed(true, exception);
        }
    }

    private final class Writer implements TransportConnectionWriter {

        @Override
        public long getMaxLatency() {
            return maxLatencyMs;
        }

        @Override
        public long getMaxIdleTime() {
            return maxIdleTimeMs;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void dispose(boolean exception) throws IOException {
            disposed(false, exception);
        }
    }
}
