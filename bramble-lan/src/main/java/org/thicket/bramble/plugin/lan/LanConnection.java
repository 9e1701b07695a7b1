package org.thicket.bramble.plugin.lan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/**
 * A TCP socket as a duplex connection. The socket closes once both halves are disposed of, or at once when either
 * half ends with an error: a broken stream one way means the peer will not finish the other.
 */
final class LanConnection implements DuplexTransportConnection {

    private final Socket socket;
    private final TransportConnectionReader reader = new Reader();
    private final TransportConnectionWriter writer = new Writer();

    private final Object lock = new Object();
    private boolean readerDisposed; // guarded by lock
    private boolean writerDisposed; // guarded by lock

    LanConnection(Socket socket) {
        this.socket = socket;
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
            return LanConstants.MAX_LATENCY_MS;
        }

        @Override
        public long getMaxIdleTime() {
            return LanConstants.MAX_IDLE_TIME_MS;
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
