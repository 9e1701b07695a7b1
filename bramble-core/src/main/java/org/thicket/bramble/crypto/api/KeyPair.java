package org.thicket.bramble.crypto.api;

/** A public key and the private key that belongs to it, of the same type. */
public record KeyPair(PublicKey publicKey, PrivateKey privateKey) {

    public KeyPair {
        if (publicKey.getType() != privateKey.getType()) throw new IllegalArgumentException("Key types differ");
    }

    public KeyType type() {
        return publicKey.getType();
    }
}
