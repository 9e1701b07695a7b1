package org.thicket.bramble.crypto.api;

/** What an asymmetric key is for. Keys of one type are never accepted where the other is expected. */
public enum KeyType {
    /** Ed25519: 32-byte public key, 32-byte private seed. */
    SIGNATURE,
    /** X25519: 32-byte public key, 32-byte private scalar. */
    AGREEMENT
}
