package org.thicket.bramble.sync.api;

/** Where a message is in validation and delivery; the code is what the database stores. */
public enum MessageState {
    UNKNOWN(0),
    INVALID(1),
    PENDING(2),
    DELIVERED(3);

    private final int code;

    MessageState(int code) {
        this.code = code;
    }

    public int getCode() {
        return code;
    }

    public static MessageState fromCode(int code) {
        for (MessageState s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("Unknown message state code " + code);
    }
}
