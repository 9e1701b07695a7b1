package org.thicket.bramble.transport;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.Roles;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.transport.api.IncomingKeys;
import org.thicket.bramble.transport.api.OutgoingKeys;
import org.thicket.bramble.transport.api.TransportCrypto;
import org.thicket.bramble.transport.api.TransportKeys;
import org.thicket.bramble.util.Bytes;

/** The labels and derivations of specs/transport-keys.md over {@link CryptoComponent}. Stateless. */
final class TransportCryptoImpl implements TransportCrypto {

    private static final String PREFIX = "org.briarproject.bramble.transport/";
    static final String STATIC_MASTER_KEY = PREFIX + "STATIC_MASTER_KEY";
    static final String PENDING_CONTACT_ROOT_KEY = PREFIX + "PENDING_CONTACT_ROOT_KEY";
    static final String CONTACT_ROOT_KEY = PREFIX + "CONTACT_ROOT_KEY";
    static final String ALICE_TAG_KEY = PREFIX + "ALICE_TAG_KEY";
    static final String BOB_TAG_KEY = PREFIX + "BOB_TAG_KEY";
    static final String ALICE_HEADER_KEY = PREFIX + "ALICE_HEADER_KEY";
    static final String BOB_HEADER_KEY = PREFIX + "BOB_HEADER_KEY";
    static final String ROTATE = PREFIX + "ROTATE";
    static final String ALICE_HANDSHAKE_TAG_KEY = PREFIX + "ALICE_HANDSHAKE_TAG_KEY";
    static final String BOB_HANDSHAKE_TAG_KEY = PREFIX + "BOB_HANDSHAKE_TAG_KEY";
    static final String ALICE_HANDSHAKE_HEADER_KEY = PREFIX + "ALICE_HANDSHAKE_HEADER_KEY";
    static final String BOB_HANDSHAKE_HEADER_KEY = PREFIX + "BOB_HANDSHAKE_HEADER_KEY";

    private final CryptoComponent crypto;

    @Inject
    TransportCryptoImpl(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    @Override
    public TransportKeys deriveRotationKeys(TransportId t, SecretKey rootKey, long timePeriod, boolean alice,
            boolean active) {
        requireFirstPeriod(timePeriod);
        byte[] id = t.utf8();
        // Keys for the previous period come straight from the root key; ours are the peer's incoming keys.
        IncomingKeys previous = new IncomingKeys(crypto.deriveKey(alice ? BOB_TAG_KEY : ALICE_TAG_KEY, rootKey, id),
                crypto.deriveKey(alice ? BOB_HEADER_KEY : ALICE_HEADER_KEY, rootKey, id), timePeriod - 1);
        SecretKey outTag = crypto.deriveKey(alice ? ALICE_TAG_KEY : BOB_TAG_KEY, rootKey, id);
        SecretKey outHeader = crypto.deriveKey(alice ? ALICE_HEADER_KEY : BOB_HEADER_KEY, rootKey, id);
        IncomingKeys current = rotate(previous, timePeriod);
        IncomingKeys next = rotate(current, timePeriod + 1);
        OutgoingKeys outgoing = new OutgoingKeys(rotate(outTag, timePeriod), rotate(outHeader, timePeriod),
                timePeriod, active);
        outTag.wipe();
        outHeader.wipe();
        return new TransportKeys(t, previous, current, next, outgoing);
    }

    @Override
    public TransportKeys deriveHandshakeKeys(TransportId t, SecretKey rootKey, long timePeriod, boolean alice) {
        requireFirstPeriod(timePeriod);
        byte[] root = rootKey.getBytes();
        try {
            return new TransportKeys(t, handshakeIncoming(t, rootKey, alice, timePeriod - 1),
                    handshakeIncoming(t, rootKey, alice, timePeriod),
                    handshakeIncoming(t, rootKey, alice, timePeriod + 1),
                    handshakeOutgoing(t, rootKey, alice, timePeriod, true), new SecretKey(root), alice);
        } finally {
            Bytes.wipe(root);
        }
    }

    @Override
    public TransportKeys updateTransportKeys(TransportKeys keys, long timePeriod) {
        TransportKeys updated = keys;
        for (long p = keys.timePeriod() + 1; p <= timePeriod; p++) updated = step(updated, p);
        return updated;
    }

    /** From keys of period p - 1 to keys of period p; the previous incoming and the outgoing keys drop out. */
    private TransportKeys step(TransportKeys k, long p) {
        IncomingKeys next;
        OutgoingKeys outgoing;
        boolean active = k.currentOutgoing().active();
        if (k.isHandshakeMode()) {
            next = handshakeIncoming(k.transportId(), k.rootKey(), k.alice(), p + 1);
            outgoing = handshakeOutgoing(k.transportId(), k.rootKey(), k.alice(), p, active);
        } else {
            next = rotate(k.nextIncoming(), p + 1);
            OutgoingKeys old = k.currentOutgoing();
            outgoing = new OutgoingKeys(rotate(old.tagKey(), p), rotate(old.headerKey(), p), p, active);
        }
        k.previousIncoming().wipe();
        k.currentOutgoing().wipe();
        return new TransportKeys(k.transportId(), k.currentIncoming(), k.nextIncoming(), next, outgoing,
                k.rootKey(), k.alice());
    }

    @Override
    public SecretKey deriveStaticMasterKey(PublicKey theirHandshakePublicKey, KeyPair ourHandshakeKeyPair)
            throws GeneralSecurityException {
        byte[] ours = ourHandshakeKeyPair.publicKey().getEncoded();
        byte[] theirs = theirHandshakePublicKey.getEncoded();
        boolean alice = Roles.isAlice(ours, theirs);
        byte[] secret = crypto.deriveSharedSecret(STATIC_MASTER_KEY, theirHandshakePublicKey, ourHandshakeKeyPair,
                alice ? ours : theirs, alice ? theirs : ours);
        try {
            return new SecretKey(secret);
        } finally {
            Bytes.wipe(secret);
        }
    }

    @Override
    public SecretKey deriveHandshakeRootKey(SecretKey staticMasterKey, boolean pendingContact) {
        return crypto.deriveKey(pendingContact ? PENDING_CONTACT_ROOT_KEY : CONTACT_ROOT_KEY, staticMasterKey);
    }

    /** Incoming keys of the next period p in the rotation chain, with a fresh window. */
    private IncomingKeys rotate(IncomingKeys k, long p) {
        return new IncomingKeys(rotate(k.tagKey(), p), rotate(k.headerKey(), p), p);
    }

    private SecretKey rotate(SecretKey k, long p) {
        return crypto.deriveKey(ROTATE, k, Bytes.int64(p));
    }

    private IncomingKeys handshakeIncoming(TransportId t, SecretKey root, boolean alice, long p) {
        return new IncomingKeys(handshakeKey(alice ? BOB_HANDSHAKE_TAG_KEY : ALICE_HANDSHAKE_TAG_KEY, root, t, p),
                handshakeKey(alice ? BOB_HANDSHAKE_HEADER_KEY : ALICE_HANDSHAKE_HEADER_KEY, root, t, p), p);
    }

    private OutgoingKeys handshakeOutgoing(TransportId t, SecretKey root, boolean alice, long p, boolean active) {
        return new OutgoingKeys(handshakeKey(alice ? ALICE_HANDSHAKE_TAG_KEY : BOB_HANDSHAKE_TAG_KEY, root, t, p),
                handshakeKey(alice ? ALICE_HANDSHAKE_HEADER_KEY : BOB_HANDSHAKE_HEADER_KEY, root, t, p), p, active);
    }

    private SecretKey handshakeKey(String label, SecretKey root, TransportId t, long p) {
        return crypto.deriveKey(label, root, t.utf8(), Bytes.int64(p));
    }

    /** The previous period P - 1 must exist. */
    private static void requireFirstPeriod(long timePeriod) {
        if (timePeriod < 1) throw new IllegalArgumentException("Not a current time period: " + timePeriod);
    }
}
