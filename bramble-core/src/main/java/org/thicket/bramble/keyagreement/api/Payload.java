package org.thicket.bramble.keyagreement.api;

import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.COMMIT_LENGTH;

import java.util.Arrays;
import java.util.List;

/**
 * What a QR code of BQP says: the commitment to the ephemeral public key of the device showing it, and how to reach
 * that device (the descriptors of transports we know, in the code's order).
 */
public final class Payload {

    private final byte[] commitment;
    private final List<KeyAgreementDescriptor> descriptors;

    public Payload(byte[] commitment, List<KeyAgreementDescriptor> descriptors) {
        if (commitment.length != COMMIT_LENGTH) {
            throw new IllegalArgumentException("A commitment is " + COMMIT_LENGTH + " bytes");
        }
        if (descriptors.isEmpty()) throw new IllegalArgumentException("A payload has at least one descriptor");
        this.commitment = commitment.clone();
        this.descriptors = List.copyOf(descriptors);
    }

    public byte[] getCommitment() {
        return commitment.clone();
    }

    public List<KeyAgreementDescriptor> getDescriptors() {
        return descriptors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && Arrays.equals(p.commitment, commitment) && p.descriptors.equals(descriptors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(commitment) + descriptors.hashCode();
    }

    @Override
    public String toString() {
        return "Payload(" + descriptors.size() + " descriptors)";
    }
}
