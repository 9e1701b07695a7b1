package org.thicket.bramble.connection;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/** Connections, readers and writers that record how they were released, in one list. */
final class ReleaseCheck {

    final List<String> released = new CopyOnWriteArrayList<>();

    DuplexTransportConnection connection() {
        return new DuplexTransportConnection() {
            @Override
            public TransportConnectionReader getReader() {
                return reader();
            }

            @Override
            public TransportConnectionWriter getWriter() {
                return writer();
            }

            @Override
            public void close(boolean exception) {
                released.add("close " + exception);
            }
        };
    }

    TransportConnectionReader reader() {
        return new TransportConnectionReader() {
            @Override
            public InputStream getInputStream() {
                return InputStream.nullInputStream();
            }

            @Override
            public void dispose(boolean exception, boolean recognised) {
                released.add("reader " + exception + " " + recognised);
            }
        };
    }

    TransportConnectionWriter writer() {
        return new TransportConnectionWriter() {
            @Override
            public long getMaxLatency() {
                return 30_000;
            }

            @Override
            public long getMaxIdleTime() {
                return 30_000;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void dispose(boolean exception) {
                released.add("writer " + exception);
            }
        };
    }
}
