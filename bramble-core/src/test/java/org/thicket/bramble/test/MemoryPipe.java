package org.thicket.bramble.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A one-way in-memory byte pipe with a bounded buffer, safe between two threads: writes block while the buffer is
 * full, reads block while it is empty. Closing the sink gives the reader end-of-stream once the buffer is drained;
 * closing the source makes further writes fail, as a peer that hung up would.
 */
public final class MemoryPipe {

    private static final int CAPACITY = 64 * 1024;

    private final byte[] buffer = new byte[CAPACITY]; // guarded by this
    private int head;
    private int count;
    private boolean sinkClosed;
    private boolean sourceClosed;

    private final InputStream source = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return take(b, off, len);
        }

        @Override
        public void close() {
            closeSource();
        }
    };

    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            put(b, off, len);
        }

        @Override
        public void close() {
            closeSink();
        }
    };

    public InputStream source() {
        return source;
    }

    public OutputStream sink() {
        return sink;
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (count == 0) {
            if (sinkClosed || sourceClosed) return -1;
            awaitChange();
        }
        int n = Math.min(len, count);
        for (int i = 0; i < n; i++) b[off + i] = buffer[(head + i) % CAPACITY];
        head = (head + n) % CAPACITY;
        count -= n;
        notifyAll();
        return n;
    }

    private synchronized void put(byte[] b, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
            if (sourceClosed) throw new IOException("The reading end of the pipe is closed");
            if (sinkClosed) throw new IOException("The pipe is closed for writing");
            if (count == CAPACITY) {
                awaitChange();
                continue;
            }
            int n = Math.min(len - written, CAPACITY - count);
            for (int i = 0; i < n; i++) buffer[(head + count + i) % CAPACITY] = b[off + written + i];
            count += n;
            written += n;
            notifyAll();
        }
    }

    private void awaitChange() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting on the pipe");
        }
    }

    /** Ends the stream for the reader, once it has read what is buffered. */
    public synchronized void closeSink() {
        sinkClosed = true;
        notifyAll();
    }

    /** Hangs up the reading end: writes fail from now on. */
    public synchronized void closeSource() {
        sourceClosed = true;
        notifyAll();
    }
}
