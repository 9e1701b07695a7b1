package org.thicket.bramble.keyagreement;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.Roles;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.keyagreement.api.KeyAgreementConfig;
import org.thicket.bramble.keyagreement.api.KeyAgreementDescriptor;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException.Reason;
import org.thicket.bramble.keyagreement.api.KeyAgreementFailedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementFinishedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementResult;
import org.thicket.bramble.keyagreement.api.KeyAgreementStartedEvent;
import org.thicket.bramble.keyagreement.api.KeyAgreementTask;
import org.thicket.bramble.keyagreement.api.KeyAgreementWaitingEvent;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriterFactory;

/**
 * A task moves from NEW (nothing started) to LISTENING (key pair and listeners exist) to CONNECTING (connect runs)
 * to DONE. A timeout or a cancel records why it stopped the task and closes what is open, which makes a blocked
 * connect fail; connect then reports that reason rather than the broken connection it sees.
 */
final class KeyAgreementTaskImpl implements KeyAgreementTask {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAgreementTaskImpl.class);

    private enum State { NEW, LISTENING, CONNECTING, DONE }

    /** What a task needs from the module; one instance serves every task. */
    record Dependencies(KeyAgreementCrypto crypto, CryptoComponent cryptoComponent, PayloadCodec payloadCodec,
            RecordReaderFactory recordReaderFactory, RecordWriterFactory recordWriterFactory, EventBus eventBus,
            ScheduledExecutorService scheduler, KeyAgreementConfig config) {
    }

    private final Dependencies deps;
    private final KeyAgreementConnector connector;

    private State state = State.NEW; // guarded by this
    private Reason stopReason; // guarded by this: why a timeout or cancel stopped the task
    private DuplexTransportConnection connection; // guarded by this: the chosen one, once there is one
    private KeyPair keyPair; // guarded by this: set by listen, wiped when the task ends
    private byte[] ourPayload; // guarded by this: set by listen

    KeyAgreementTaskImpl(Dependencies deps, KeyAgreementConnector connector) {
        this.deps = deps;
        this.connector = connector;
    }

    @Override
    public byte[] listen() throws KeyAgreementException {
        KeyPair ours;
        synchronized (this) {
            if (stopReason != null) throw new KeyAgreementException(stopReason, "The task was stopped");
            if (state != State.NEW) throw new IllegalStateException("listen is called once");
            // LISTENING from here on, so a cancel during the listen ends the task.
            state = State.LISTENING;
            keyPair = ours = deps.cryptoComponent().generateAgreementKeyPair();
        }
        byte[] commitment = deps.crypto().commitment(ours.publicKey());
        List<KeyAgreementDescriptor> descriptors = connector.listen(commitment);
        Reason stopped;
        synchronized (this) {
            stopped = stopReason;
        }
        if (stopped != null || descriptors.isEmpty()) {
            end();
            if (stopped != null) throw new KeyAgreementException(stopped, "The task was stopped");
            throw new KeyAgreementException(Reason.NO_TRANSPORT, "No transport can listen for key agreement");
        }
        byte[] encoded = deps.payloadCodec().encode(new Payload(commitment, descriptors));
        synchronized (this) {
            ourPayload = encoded;
        }
        return encoded.clone();
    }

    @Override
    public KeyAgreementResult connect(Payload remotePayload) throws KeyAgreementException {
        Reason stoppedEarly;
        synchronized (this) {
            stoppedEarly = stopReason;
            if (stoppedEarly == null && state != State.LISTENING) {
                throw new IllegalStateException("connect needs listen, once: " + state);
            }
            state = State.CONNECTING;
        }
        if (stoppedEarly != null) throw fail(stoppedEarly, "Key agreement was stopped before connecting", null);
        ScheduledFuture<?> timeout = deps.scheduler().schedule(() -> stop(Reason.TIMEOUT),
                deps.config().timeoutMs(), TimeUnit.MILLISECONDS);
        try {
            KeyAgreementResult result = run(remotePayload);
            if (!finish()) {
                result.masterKey().wipe();
                throw new IOException("Stopped at the end");
            }
            broadcast(new KeyAgreementFinishedEvent(result));
            return result;
        } catch (IOException | RuntimeException e) {
            throw fail(reasonFor(e), e.getMessage(), e);
        } finally {
            timeout.cancel(false);
            end();
        }
    }

    private KeyAgreementResult run(Payload remotePayload) throws IOException {
        KeyPair ours;
        byte[] ourEncodedPayload;
        synchronized (this) {
            ours = keyPair;
            ourEncodedPayload = ourPayload;
        }
        byte[] ourCommitment = deps.crypto().commitment(ours.publicKey());
        byte[] theirCommitment = remotePayload.getCommitment();
        if (Arrays.equals(ourCommitment, theirCommitment)) {
            throw new KeyAgreementException(Reason.OWN_PAYLOAD, "That is our own code");
        }
        boolean alice = Roles.isAlice(ourCommitment, theirCommitment);
        broadcast(new KeyAgreementWaitingEvent(alice));
        KeyAgreementConnector.Chosen chosen = connector.connect(remotePayload, alice);
        synchronized (this) {
            connection = chosen.connection();
            if (stopReason != null) throw new IOException("Stopped");
        }
        broadcast(new KeyAgreementStartedEvent(chosen.transportId()));
        DuplexTransportConnection c = chosen.connection();
        KeyAgreementTransport transport = new KeyAgreementTransport(
                deps.recordReaderFactory().createRecordReader(c.getReader().getInputStream()),
                deps.recordWriterFactory().createRecordWriter(c.getWriter().getOutputStream()));
        byte[] theirPayload = deps.payloadCodec().encode(remotePayload);
        SecretKey masterKey = new KeyAgreementProtocol(deps.crypto(), transport, ours, ourEncodedPayload,
                theirPayload, theirCommitment, alice).perform();
        return new KeyAgreementResult(masterKey, c, chosen.transportId(), alice);
    }

    /** Marks the task done unless a timeout or cancel came first; whether it did. */
    private synchronized boolean finish() {
        if (stopReason != null) return false;
        state = State.DONE;
        return true;
    }

    private synchronized Reason reasonFor(Exception e) {
        if (stopReason != null) return stopReason;
        return e instanceof KeyAgreementException k ? k.getReason() : Reason.CONNECTION_FAILED;
    }

    /** Ends the task with this reason: closes the chosen connection, publishes the failure. */
    private KeyAgreementException fail(Reason reason, String message, Exception cause) {
        DuplexTransportConnection toClose;
        synchronized (this) {
            state = State.DONE;
            toClose = connection;
            connection = null;
        }
        if (toClose != null) KeyAgreementConnector.closeQuietly(toClose);
        LOG.info("Key agreement failed ({}): {}", reason, message);
        broadcast(new KeyAgreementFailedEvent(reason));
        return new KeyAgreementException(reason, message, cause);
    }

    @Override
    public void cancel() {
        stop(Reason.CANCELLED);
    }

    /** A timeout or cancel: unless the task is done, remembers why and closes everything open. */
    private void stop(Reason reason) {
        DuplexTransportConnection toClose;
        boolean connecting;
        synchronized (this) {
            if (state == State.DONE || stopReason != null) return;
            stopReason = reason;
            toClose = connection;
            connecting = state == State.CONNECTING;
        }
        connector.close();
        if (toClose != null) KeyAgreementConnector.closeQuietly(toClose);
        // Without a connect running, nothing else will end the task.
        if (!connecting) end();
    }

    /** Releases what the task holds but the result: listeners, other connections, the ephemeral private key. */
    private void end() {
        connector.close();
        KeyPair toWipe;
        synchronized (this) {
            if (state != State.CONNECTING) state = State.DONE;
            toWipe = keyPair;
        }
        if (toWipe != null) toWipe.privateKey().wipe();
    }

    private void broadcast(Event event) {
        deps.eventBus().broadcast(event);
    }
}
