package org.thicket.bramble.plugin.tor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/** A duplex connection over a TCP socket; the socket closes once both halves are disposed of, or on close. */
final class SocketConnection implements DuplexTransportConnection {

    private final Socket socket;
    private final long maxLatency;
    private final long maxIdleTime;
    private final AtomicBoolean readerDone = new AtomicBoolean();
    private final AtomicBoolean writerDone = new AtomicBoolean();

    SocketConnection(Socket socket, long maxLatency, long maxIdleTime) {
        this.socket = socket;
        this.maxLatency = maxLatency;
        this.maxIdleTime = maxIdleTime;
    }

    @Override
    public TransportConnectionReader getReader() {
        return new TransportConnectionReader() {
            @Override
            public InputStream getInputStream() throws IOException {
                return socket.getInputStream();
            }

            @Override
            public void dispose(boolean exception, boolean recognised) throws IOException {
                readerDone.set(true);
                if (exception || writerDone.get()) socket.close();
            }
        };
    }

    @Override
    public TransportConnectionWriter getWriter() {
        return new TransportConnectionWriter() {
            @Override
            public long getMaxLatency() {
                return maxLatency;
            }

            @Override
            public long getMaxIdleTime() {
                return maxIdleTime;
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                return socket.getOutputStream();
            }

            @Override
            public void dispose(boolean exception) throws IOException {
                writerDone.set(true);
                if (exception || readerDone.get()) socket.close();
            }
        };
    }

    @Override
    public void close(boolean exception) throws IOException {
        socket.close();
    }
}
