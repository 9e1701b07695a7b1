package org.thicket.bramble.contactexchange;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;

/** The derivations of contact exchange (specs/contact-exchange.md, "Keys"), each from its label. */
final class ContactExchangeCrypto {

    /** The contact-exchange protocol version, the version byte of its records and an input to every derivation. */
    static final int PROTOCOL_VERSION = 1;

    static final String LABEL_ALICE_HEADER_KEY = "org.briarproject.bramble.contact/ALICE_HEADER_KEY";
    static final String LABEL_BOB_HEADER_KEY = "org.briarproject.bramble.contact/BOB_HEADER_KEY";
    static final String LABEL_ALICE_NONCE = "org.briarproject.bramble.contact/ALICE_NONCE";
    static final String LABEL_BOB_NONCE = "org.briarproject.bramble.contact/BOB_NONCE";
    /** Briar's own namespace differs here ("briar", not "bramble"); the label is part of the wire format. */
    static final String LABEL_EXCHANGE_SIGNATURE = "org.briarproject.briar.contact/EXCHANGE";

    private static final byte[] VERSION_INPUT = {PROTOCOL_VERSION};

    private final CryptoComponent crypto;

    @Inject
    ContactExchangeCrypto(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    /** The key of the stream Alice (or Bob) writes; the caller wipes it. */
    SecretKey headerKey(SecretKey masterKey, boolean alice) {
        return crypto.deriveKey(alice ? LABEL_ALICE_HEADER_KEY : LABEL_BOB_HEADER_KEY, masterKey, VERSION_INPUT);
    }

    /** The value Alice (or Bob) signs to prove she holds her author's key in this very exchange. */
    byte[] nonce(SecretKey masterKey, boolean alice) {
        return crypto.mac(alice ? LABEL_ALICE_NONCE : LABEL_BOB_NONCE, masterKey, VERSION_INPUT);
    }

    byte[] sign(byte[] nonce, PrivateKey authorKey) throws GeneralSecurityException {
        return crypto.sign(LABEL_EXCHANGE_SIGNATURE, nonce, authorKey);
    }

    boolean verify(byte[] signature, byte[] nonce, PublicKey authorKey) throws GeneralSecurityException {
        return crypto.verifySignature(signature, LABEL_EXCHANGE_SIGNATURE, nonce, authorKey);
    }
}
