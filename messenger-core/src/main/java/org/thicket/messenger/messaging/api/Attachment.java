package org.thicket.messenger.messaging.api;

import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_IMAGE_SIZE;

import java.util.Arrays;

/** An attachment message: a content type and the attachment's raw bytes (an image compressed to fit). */
public final class Attachment implements MessagingBody {

    private final String contentType;
    private final byte[] data;

    /**
     * @throws IllegalArgumentException if the content type is not 1 to 80 UTF-8 bytes or the data is over 32,668
     *     bytes
     */
    public Attachment(String contentType, byte[] data) {
        AttachmentHeader.validateContentType(contentType);
        if (data.length > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("Attachment of " + data.length + " bytes, more than " + MAX_IMAGE_SIZE);
        }
        this.contentType = contentType;
        this.data = data.clone();
    }

    @Override
    public int messageType() {
        return MessagingConstants.ATTACHMENT;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getData() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.contentType.equals(contentType) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Attachment(" + contentType + ", " + data.length + " bytes)";
    }
}
