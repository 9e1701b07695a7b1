package org.thicket.messenger.messaging.api;

import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.versioning.api.ClientVersion;

/**
 * The private-messaging client's identity and limits (specs/clients/messaging.md). Text and content-type limits
 * count bytes of UTF-8 (what BDF's length fields hold), not Java chars or code points.
 */
public final class MessagingConstants {

    public static final ClientId CLIENT_ID = new ClientId("org.briarproject.briar.messaging");
    public static final int MAJOR_VERSION = 0;
    public static final int MINOR_VERSION = 3;
    /** The client and major version: the key our validator and delivery hook are registered under. */
    public static final ClientMajorVersion CLIENT = new ClientMajorVersion(CLIENT_ID, MAJOR_VERSION);
    /** What we announce to contacts through client versioning. */
    public static final ClientVersion CLIENT_VERSION = new ClientVersion(CLIENT, MINOR_VERSION);
    /** The first minor version that reads the auto-delete timer; older contacts get messages without one. */
    public static final int AUTO_DELETE_MINOR_VERSION = 3;

    /** Type code (first list element) of a private message: text and/or attachment references, optional timer. */
    public static final int PRIVATE_MESSAGE = 0;
    /** Type code of an attachment message: a BDF header followed by the raw attachment bytes. */
    public static final int ATTACHMENT = 1;

    /** 30,720: the longest text of a private message, in bytes of UTF-8. */
    public static final int MAX_PRIVATE_MESSAGE_TEXT_LENGTH = 32 * 1024 - 2048;
    public static final int MAX_ATTACHMENTS_PER_MESSAGE = 10;
    /** The longest content type (e.g. "image/jpeg"), in bytes of UTF-8. */
    public static final int MAX_CONTENT_TYPE_BYTES = 80;
    /** 32,668: the most raw bytes an attachment message carries after its header. */
    public static final int MAX_IMAGE_SIZE = 32 * 1024 - 100;

    /** The timer value meaning "this message does not disappear"; it is never written to the wire. */
    public static final long NO_AUTO_DELETE_TIMER = -1;
    public static final long MIN_AUTO_DELETE_TIMER_MS = 60_000L;
    public static final long MAX_AUTO_DELETE_TIMER_MS = 365L * 24 * 60 * 60 * 1000;

    /** A message whose timestamp is further ahead of our clock than this is rejected (24 hours). */
    public static final long MAX_CLOCK_DIFFERENCE_MS = 24L * 60 * 60 * 1000;

    /** Metadata the client stores with each message (a BDF dictionary); see the spec's metadata table. */
    public static final String MSG_KEY_TIMESTAMP = "timestamp";
    public static final String MSG_KEY_LOCAL = "local";
    public static final String MSG_KEY_READ = "read";
    public static final String MSG_KEY_MSG_TYPE = "msgType";
    public static final String MSG_KEY_HAS_TEXT = "hasText";
    public static final String MSG_KEY_ATTACHMENT_HEADERS = "attachmentHeaders";
    public static final String MSG_KEY_AUTO_DELETE_TIMER = "autoDeleteTimer";
    public static final String MSG_KEY_CONTENT_TYPE = "contentType";
    public static final String MSG_KEY_DESCRIPTOR_LENGTH = "descriptorLength";
    /** Our private messages only: false until the contact acks the message, then true. */
    public static final String MSG_KEY_DELIVERED = "delivered";

    private MessagingConstants() {
    }

    /** Whether {@code timerMs} may travel on the wire: a real timer, 1 minute to 365 days inclusive. */
    public static boolean isAutoDeleteTimerInRange(long timerMs) {
        return timerMs >= MIN_AUTO_DELETE_TIMER_MS && timerMs <= MAX_AUTO_DELETE_TIMER_MS;
    }
}
