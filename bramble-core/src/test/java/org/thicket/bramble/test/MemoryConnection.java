package org.thicket.bramble.test;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/**
 * One end of an in-memory duplex connection, made in pairs by {@link #pair}: what one end writes the other reads.
 * Disposing the writer ends the peer's incoming stream; disposing the reader or closing the connection makes the
 * peer's writes fail, as a socket that was closed would. Records how it was released, for tests to check.
 */
public final class MemoryConnection implements DuplexTransportConnection {

    private final MemoryPipe in;
    private final MemoryPipe out;
    private final long maxLatency;
    private final long maxIdleTime;
    private final AtomicBoolean readerDisposed = new AtomicBoolean();
    private final AtomicBoolean writerDisposed = new AtomicBoolean();
    private final AtomicBoolean exception = new AtomicBoolean();

    private MemoryConnection(MemoryPipe in, MemoryPipe out, long maxLatency, long maxIdleTime) {
        this.in = in;
        this.out = out;
        this.maxLatency = maxLatency;
        this.maxIdleTime = maxIdleTime;
    }

    /** Two connected ends with the timing of the transport they stand for. */
    public static MemoryConnection[] pair(long maxLatency, long maxIdleTime) {
        MemoryPipe aToB = new MemoryPipe();
        MemoryPipe bToA = new MemoryPipe();
        return new MemoryConnection[] {
            new MemoryConnection(bToA, aToB, maxLatency, maxIdleTime),
            new MemoryConnection(aToB, bToA, maxLatency, maxIdleTime)
        };
    }

    private final TransportConnectionReader reader = new TransportConnectionReader() {
        @Override
        public InputStream getInputStream() {
            return in.source();
        }

        @Override
        public void dispose(boolean failed, boolean recognised) {
            disposeReader(failed);
        }
    };

    private final TransportConnectionWriter writer = new TransportConnectionWriter() {
        @Override
        public long getMaxLatency() {
            return maxLatency;
        }

        @Override
        public long getMaxIdleTime() {
            return maxIdleTime;
        }

        @Override
        public OutputStream getOutputStream() {
            return out.sink();
        }

        @Override
        public void dispose(boolean failed) {
            disposeWriter(failed);
        }
    };

    @Override
    public TransportConnectionReader getReader() {
        return reader;
    }

    @Override
    public TransportConnectionWriter getWriter() {
        return writer;
    }

    @Override
    public void close(boolean failed) {
        disposeReader(failed);
        disposeWriter(failed);
    }

    private void disposeReader(boolean failed) {
        if (failed) exception.set(true);
        readerDisposed.set(true);
        in.closeSource();
    }

    private void disposeWriter(boolean failed) {
        if (failed) exception.set(true);
        writerDisposed.set(true);
        out.closeSink();
    }

    /** Whether both halves have been released. */
    public boolean isClosed() {
        return readerDisposed.get() && writerDisposed.get();
    }

    /** Whether either half was released after an error. */
    public boolean closedWithException() {
        return exception.get();
    }
}
