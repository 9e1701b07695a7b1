package org.thicket.bramble.keyagreement;

import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.COMMIT_LENGTH;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.MAX_DESCRIPTORS;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.MAX_PAYLOAD_LENGTH;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.QR_FORMAT_ID;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.QR_FORMAT_VERSION;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.TRANSPORT_NUMBER_BLUETOOTH;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.TRANSPORT_NUMBER_LAN;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException.Reason;
import org.thicket.bramble.keyagreement.api.KeyAgreementDescriptor;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.util.FormatException;

final class PayloadCodecImpl implements PayloadCodec {

    static final int FORMAT_BYTE = QR_FORMAT_ID << 5 | QR_FORMAT_VERSION;

    /** The transports a descriptor's first element names; others are dropped on parsing. */
    private static final Map<Long, TransportId> TRANSPORTS = Map.of(
            (long) TRANSPORT_NUMBER_BLUETOOTH, TransportIds.BLUETOOTH,
            (long) TRANSPORT_NUMBER_LAN, TransportIds.LAN);

    private final BdfCodec bdf;

    @Inject
    PayloadCodecImpl(BdfCodec bdf) {
        this.bdf = bdf;
    }

    @Override
    public byte[] encode(Payload payload) {
        BdfList list = BdfList.of(payload.getCommitment());
        for (KeyAgreementDescriptor d : payload.getDescriptors()) list.add(d.descriptor());
        byte[] body = bdf.encode(list);
        byte[] encoded = new byte[1 + body.length];
        encoded[0] = (byte) FORMAT_BYTE;
        System.arraycopy(body, 0, encoded, 1, body.length);
        return encoded;
    }

    @Override
    public Payload parse(byte[] scanned) throws InvalidPayloadException {
        if (scanned.length > MAX_PAYLOAD_LENGTH) {
            throw new InvalidPayloadException(Reason.TOO_LONG, "A payload of " + scanned.length
                    + " bytes is over the limit of " + MAX_PAYLOAD_LENGTH);
        }
        if (scanned.length == 0) throw new InvalidPayloadException(Reason.GARBLED, "An empty payload");
        int formatId = (scanned[0] & 0xFF) >> 5;
        int formatVersion = scanned[0] & 0x1F;
        if (formatId != QR_FORMAT_ID) {
            throw new InvalidPayloadException(Reason.NOT_BQP, "Not a key-agreement code: format ID " + formatId);
        }
        if (formatVersion != QR_FORMAT_VERSION) {
            throw new InvalidPayloadException(Reason.WRONG_VERSION, "Key-agreement code of version " + formatVersion
                    + ", not " + QR_FORMAT_VERSION);
        }
        try {
            return parseBody(bdf.decodeList(Arrays.copyOfRange(scanned, 1, scanned.length)));
        } catch (InvalidPayloadException e) {
            throw e;
        } catch (FormatException e) {
            throw new InvalidPayloadException(Reason.GARBLED, "Garbled key-agreement code: " + e.getMessage(), e);
        }
    }

    private static Payload parseBody(BdfList body) throws FormatException {
        if (body.isEmpty()) throw new FormatException("An empty list");
        if (body.size() - 1 > MAX_DESCRIPTORS) {
            throw new FormatException((body.size() - 1) + " descriptors, over the limit of " + MAX_DESCRIPTORS);
        }
        byte[] commitment = body.getRawOfLength(0, COMMIT_LENGTH);
        List<KeyAgreementDescriptor> descriptors = new ArrayList<>();
        for (int i = 1; i < body.size(); i++) {
            BdfList descriptor = body.getList(i);
            if (descriptor.isEmpty()) throw new FormatException("Descriptor " + i + " is empty");
            TransportId transport = TRANSPORTS.get(descriptor.getLong(0));
            if (transport != null) descriptors.add(new KeyAgreementDescriptor(transport, descriptor));
        }
        if (descriptors.isEmpty()) {
            throw new InvalidPayloadException(Reason.NO_DESCRIPTORS, "The code names no transport we can use");
        }
        return new Payload(commitment, descriptors);
    }
}
