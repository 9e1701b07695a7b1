package org.thicket.messenger.headless.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH;

import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.identity.api.Author;

/** Checks of what a user typed; each refusal is an {@link IllegalArgumentException} whose message says why. */
public final class UserInput {

    /** A refused value is echoed up to this many characters, so that an error stays one short line. */
    private static final int MAX_ECHOED_CHARS = 20;

    private UserInput() {
    }

    /** A contact ID: a positive decimal number. */
    public static ContactId contactId(String value) {
        if (value != null && value.matches("[0-9]{1,10}")) {
            long id = Long.parseLong(value);
            if (id > 0 && id <= Integer.MAX_VALUE) return new ContactId((int) id);
        }
        throw new IllegalArgumentException("Not a contact ID: " + echo(value));
    }

    /** A private message's text: not empty, at most the protocol's limit in UTF-8 bytes. */
    public static String messageText(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("The text is empty");
        requireUnicode(text, "The text");
        int bytes = text.getBytes(UTF_8).length;
        if (bytes > MAX_PRIVATE_MESSAGE_TEXT_LENGTH) {
            throw new IllegalArgumentException("The text is " + bytes + " UTF-8 bytes, more than "
                    + MAX_PRIVATE_MESSAGE_TEXT_LENGTH);
        }
        return text;
    }

    /** Our own name for a contact: 1 to {@link Author#MAX_NAME_BYTES} UTF-8 bytes. */
    public static String alias(String alias) {
        requireUnicode(alias, "The alias");
        int bytes = alias.getBytes(UTF_8).length;
        if (bytes == 0 || bytes > Author.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("The alias is 1 to " + Author.MAX_NAME_BYTES + " UTF-8 bytes, not "
                    + bytes);
        }
        return alias;
    }

    /** A lone surrogate would be stored as '?': refused rather than changed. */
    private static void requireUnicode(String text, String what) {
        if (!UTF_8.newEncoder().canEncode(text)) throw new IllegalArgumentException(what + " is not valid Unicode");
    }

    private static String echo(String value) {
        if (value == null) return "(none)";
        return value.length() <= MAX_ECHOED_CHARS ? value : value.substring(0, MAX_ECHOED_CHARS) + "...";
    }
}
