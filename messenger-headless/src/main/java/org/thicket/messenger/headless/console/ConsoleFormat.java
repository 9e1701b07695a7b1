package org.thicket.messenger.headless.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/** How the console shows contacts, times and messages, the same in answers and in events. */
final class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    ConsoleFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code #3 Bob}, or {@code #3 Bob (Bobby)} with our alias for him. */
    static String contact(Contact c) {
        String name = contactId(c.id()) + " " + c.author().name();
        return c.alias() == null ? name : name + " (" + c.alias() + ")";
    }

    static String contactId(ContactId id) {
        return "#" + id.value();
    }

    String time(long unixMillis) {
        return TIME.format(Instant.ofEpochMilli(unixMillis).atZone(zone));
    }

    /** {@code <time> in|out <state> <text>}: out is sent or delivered; in is new (until read) or read. */
    String message(PrivateMessageHeader header, String text) {
        String state = header.local() ? header.delivered() ? "delivered" : "sent" : header.read() ? "read" : "new";
        StringBuilder line = new StringBuilder().append(time(header.timestamp()))
                .append(header.local() ? "  out " : "  in  ").append(String.format("%-9s ", state))
                .append(text == null ? "" : text);
        int attachments = header.attachments().size();
        if (attachments > 0) line.append(" [").append(attachments).append(attachments == 1 ? " file]" : " files]");
        return line.toString();
    }

    static String hex(byte[] id) {
        return Bytes.toHex(id);
    }
}
