package org.thicket.bramble.handshake.api;

import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;

/** The key derivations of BHP 0.1 (specs/bhp.md). */
public interface HandshakeCrypto {

    /**
     * hash(MASTER_KEY_0_1, DH(eA, eB), DH(sA, eB), DH(eA, sB), sA, sB, eA, eB) over the raw X25519 outputs and
     * public keys, s being static handshake keys, e ephemeral ones, A Alice's and B Bob's.
     *
     * @param alice whether we are Alice, i.e. our static public key is the smaller
     * @throws GeneralSecurityException if a key is not an X25519 key or any shared secret is all zeros
     */
    SecretKey deriveMasterKey(PublicKey theirStaticPublicKey, PublicKey theirEphemeralPublicKey,
            KeyPair ourStaticKeyPair, KeyPair ourEphemeralKeyPair, boolean alice) throws GeneralSecurityException;

    /** mac(ALICE_PROOF or BOB_PROOF, masterKey): the proof of ownership the given role sends. */
    byte[] proveOwnership(SecretKey masterKey, boolean alice);

    /** Whether {@code proof} is the proof the given role must send; compared in constant time. */
    boolean verifyOwnership(SecretKey masterKey, boolean alice, byte[] proof);
}
