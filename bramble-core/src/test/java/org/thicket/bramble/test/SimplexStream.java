package org.thicket.bramble.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.plugin.api.TransportConnectionReader;
import org.thicket.bramble.plugin.api.TransportConnectionWriter;

/**
 * A one-way stream in memory, as a file on a removable drive: a writer collects the bytes, and once it was released
 * they can be handed to a node as readers, as often as a test likes (the same bytes twice is a replay). Readers
 * record how they were released.
 */
public final class SimplexStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean writeFailed;

    public final TransportConnectionWriter writer = new TransportConnectionWriter() {
        @Override
        public long getMaxLatency() {
            return MemoryTransport.MAX_LATENCY_MS;
        }

        @Override
        public long getMaxIdleTime() {
            return MemoryTransport.MAX_IDLE_TIME_MS;
        }

        @Override
        public OutputStream getOutputStream() {
            return bytes;
        }

        @Override
        public void dispose(boolean exception) {
            writeFailed = exception;
            written.countDown();
        }
    };

    /** Waits until the writer was released, and returns what was written. */
    public byte[] awaitBytes() throws InterruptedException {
        if (!written.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("The stream was not written in time");
        }
        if (writeFailed) throw new AssertionError("Writing the stream failed");
        return bytes.toByteArray();
    }

    /** A reader of these bytes, e.g. a stream written here, tampered with by a test, or made up. */
    public static Reader reader(byte[] content) {
        return new Reader(content);
    }

    /** A reader of bytes that records how it was released. */
    public static final class Reader implements TransportConnectionReader {
        private final byte[] content;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean exception;
        private volatile boolean recognised;

        private Reader(byte[] content) {
            this.content = content.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public void dispose(boolean exception, boolean recognised) {
            this.exception = exception;
            this.recognised = recognised;
            released.countDown();
        }

        /** Waits until the reader was released. */
        public Reader awaitReleased() throws InterruptedException {
            if (!released.await(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("The reader was not released in time");
            }
            return this;
        }

        public boolean exception() {
            return exception;
        }

        public boolean recognised() {
            return recognised;
        }
    }
}
