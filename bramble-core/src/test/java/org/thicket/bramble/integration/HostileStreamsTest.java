package org.thicket.bramble.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.LifecycleState;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.EventLog;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.MemoryTransport;
import org.thicket.bramble.test.SimplexStream;
import org.thicket.bramble.transport.api.KeyManager;

/**
 * Streams a broken or hostile peer might send, each to Bob's real connection manager. Alice is Bob's contact and
 * writes the streams with her real keys, so they pass the tag check unless a test says otherwise. In every case
 * the stream is dropped, nothing from it is stored, and Bob goes on running; the unknown record type alone is
 * skipped and the rest of its stream read.
 */
class HostileStreamsTest {

    private static final int MESSAGE_TYPE = 1;
    private static final int UNKNOWN_TYPE = 9;

    @TempDir
    Path dir;

    private CoreNode alice;
    private CoreNode bob;
    private Peers peers;
    private EventLog atBob;

    @BeforeEach
    void setUp() throws Exception {
        alice = CoreNode.create(dir.resolve("alice"), "alice", 0, MemoryTransport.module());
        bob = CoreNode.create(dir.resolve("bob"), "bob", 1, MemoryTransport.module());
        peers = Peers.connect(alice, bob, "alice-bob");
        atBob = EventLog.attach(bob);
    }

    @AfterEach
    void tearDown() {
        alice.close();
        bob.close();
    }

    @Test
    void anOversizedRecordDropsTheStream() throws Exception {
        byte[] header = {0, (byte) MESSAGE_TYPE, (byte) 0xC0, 0x01}; // 49,153 bytes: one over the limit
        byte[] stream = aliceStream(header, new byte[Record.MAX_PAYLOAD_LENGTH + 1]);

        assertDroppedWithError(read(stream));
    }

    @Test
    void aRecordOfAnUnknownTypeIsSkippedAndTheRestRead() throws Exception {
        Message m = newMessage();
        byte[] stream = aliceStream(record(UNKNOWN_TYPE, new byte[100]), record(MESSAGE_TYPE, m.getRaw()));

        SimplexStream.Reader reader = read(stream);

        assertThat(reader.exception()).isFalse();
        awaitStoredOnce(m);
    }

    @Test
    void aTruncatedFrameDropsTheStream() throws Exception {
        byte[] stream = aliceStream(record(MESSAGE_TYPE, newMessage().getRaw()));

        assertDroppedWithError(read(Arrays.copyOf(stream, stream.length - 100)));
    }

    @Test
    void aBitFlippedFrameDropsTheStream() throws Exception {
        byte[] stream = aliceStream(record(MESSAGE_TYPE, newMessage().getRaw()));
        stream[stream.length - 50] ^= 0x01;

        assertDroppedWithError(read(stream));
    }

    @Test
    void aStreamWithAnUnknownTagIsNotReadAtAll() throws Exception {
        byte[] stream = aliceStream(record(MESSAGE_TYPE, newMessage().getRaw()));
        new SecureRandom().nextBytes(stream); // tag and all

        SimplexStream.Reader reader = read(stream);

        assertThat(reader.recognised()).isFalse();
        assertNothingStoredAndStillRunning();
    }

    @Test
    void aDuplexConnectionWithAnUnknownTagIsClosed() throws Exception {
        MemoryConnection[] pair = MemoryTransport.duplexPair();
        bob.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, pair[1]);
        byte[] junk = new byte[200];
        new SecureRandom().nextBytes(junk);
        try (OutputStream out = pair[0].getWriter().getOutputStream()) {
            out.write(junk);
        }

        EventLog.await("Bob closed the connection", pair[1]::isClosed);
        assertThat(pair[1].closedWithException()).isTrue();
        assertNothingStoredAndStillRunning();
    }

    @Test
    void aReplayedStreamIsNotReadAgain() throws Exception {
        Message m = newMessage();
        byte[] stream = aliceStream(record(MESSAGE_TYPE, m.getRaw()));

        assertThat(read(stream).recognised()).isTrue();
        SimplexStream.Reader replay = read(stream);

        assertThat(replay.recognised()).isFalse();
        awaitStoredOnce(m);
        assertThat(bob.get(LifecycleManager.class).getLifecycleState()).isEqualTo(LifecycleState.RUNNING);
    }

    private void assertDroppedWithError(SimplexStream.Reader reader) throws Exception {
        assertThat(reader.recognised()).isTrue();
        assertThat(reader.exception()).isTrue();
        assertNothingStoredAndStillRunning();
    }

    /**
     * A good stream from Alice is still read, and its message is the only one Bob stored from her: events arrive in
     * order, so one stored from the bad stream would have been announced first.
     */
    private void assertNothingStoredAndStillRunning() throws Exception {
        assertThat(bob.get(LifecycleManager.class).getLifecycleState()).isEqualTo(LifecycleState.RUNNING);
        Message good = newMessage();
        assertThat(read(aliceStream(record(MESSAGE_TYPE, good.getRaw()))).exception()).isFalse();
        awaitStoredOnce(good);
        assertThat(atBob.count(MessageAddedEvent.class, e -> e.contactId() != null)).isOne();
    }

    /** The message's arrival is announced after the reader was released; wait for it, then count. */
    private void awaitStoredOnce(Message m) throws Exception {
        EventLog.await("Bob stored the message", () -> Peers.timesReceived(m.getId(), atBob) > 0);
        assertThat(Peers.timesReceived(m.getId(), atBob)).isEqualTo(1);
    }

    private SimplexStream.Reader read(byte[] stream) throws InterruptedException {
        SimplexStream.Reader reader = SimplexStream.reader(stream);
        bob.get(ConnectionManager.class).manageIncomingConnection(MemoryTransport.ID, reader);
        return reader.awaitReleased();
    }

    private Message newMessage() {
        byte[] body = new byte[Peers.BODY_LENGTH];
        new SecureRandom().nextBytes(body);
        return alice.get(MessageFactory.class).createMessage(peers.group.getId(),
                alice.get(Clock.class).currentTimeMillis(), body);
    }

    private static byte[] record(int type, byte[] payload) {
        byte[] r = new byte[Record.HEADER_LENGTH + payload.length];
        r[1] = (byte) type;
        r[2] = (byte) (payload.length >> 8);
        r[3] = (byte) payload.length;
        System.arraycopy(payload, 0, r, Record.HEADER_LENGTH, payload.length);
        return r;
    }

    /** A BTP stream from Alice to Bob, with her next stream number, carrying these plaintext bytes. */
    private byte[] aliceStream(byte[]... plaintext) throws Exception {
        StreamContext context = alice.get(KeyManager.class).getStreamContext(peers.friends.bAtA(),
                MemoryTransport.ID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriter writer = alice.get(StreamWriterFactory.class).createStreamWriter(out, context);
        for (byte[] bytes : plaintext) writer.getOutputStream().write(bytes);
        writer.sendEndOfStream();
        return out.toByteArray();
    }
}
