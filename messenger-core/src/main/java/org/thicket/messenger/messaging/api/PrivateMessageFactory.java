package org.thicket.messenger.messaging.api;

/**
 * Encodes the bodies of outgoing messages (specs/clients/messaging.md). It makes bodies only: the caller wraps a
 * body in a sync {@link org.thicket.bramble.sync.api.Message} with the contact group's ID and the timestamp,
 * which is where the message ID is derived. Every body it returns fits a sync message (at most 32,768 bytes).
 */
public interface PrivateMessageFactory {

    /**
     * The current form: [0, text-or-NULL, [[attachmentId, contentType]...]] with the timer appended as a fourth
     * element only when the message has one. Never the legacy [text] form.
     *
     * @throws IllegalArgumentException if the text or a content type has no UTF-8 form (a lone surrogate)
     */
    byte[] createPrivateMessageBody(PrivateMessage message);

    /** The BDF header [1, contentType] followed directly by the raw attachment bytes. */
    byte[] createAttachmentBody(Attachment attachment);
}
