package org.thicket.messenger.messaging;

import static org.thicket.messenger.messaging.api.MessagingConstants.ATTACHMENT;
import static org.thicket.messenger.messaging.api.MessagingConstants.PRIVATE_MESSAGE;

import jakarta.inject.Inject;
import java.util.List;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.AttachmentHeader;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;

final class PrivateMessageFactoryImpl implements PrivateMessageFactory {

    private final BdfCodec codec;

    @Inject
    PrivateMessageFactoryImpl(BdfCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] createPrivateMessageBody(PrivateMessage message) {
        BdfList body = BdfList.of(PRIVATE_MESSAGE, message.text(), toBdf(message.attachments()));
        // Absent rather than NULL: peers older than minor version 3 know only the three-element form.
        if (message.hasAutoDeleteTimer()) body.add(message.autoDeleteTimer());
        return codec.encode(body);
    }

    @Override
    public byte[] createAttachmentBody(Attachment attachment) {
        byte[] header = codec.encode(BdfList.of(ATTACHMENT, attachment.getContentType()));
        return Bytes.concat(header, attachment.getData());
    }

    /** The wire form of attachment references, [[rawId, contentType]...], also kept as metadata. */
    static BdfList toBdf(List<AttachmentHeader> headers) {
        BdfList list = new BdfList();
        for (AttachmentHeader h : headers) list.add(BdfList.of(h.messageId().getBytes(), h.contentType()));
        return list;
    }
}
