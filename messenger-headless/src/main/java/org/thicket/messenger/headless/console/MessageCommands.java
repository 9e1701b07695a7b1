package org.thicket.messenger.headless.console;

import java.util.ArrayList;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.headless.service.UserInput;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/** Private messages: {@code send} and {@code read}. */
final class MessageCommands {

    private final Conversations conversations;
    private final ConsoleFormat format;
    private final ConsoleOutput out;

    MessageCommands(Conversations conversations, ConsoleFormat format, ConsoleOutput out) {
        this.conversations = conversations;
        this.format = format;
        this.out = out;
    }

    List<Command> commands() {
        return List.of(
                new Command("send", "<contactId> <text...>", "send a private message", args -> {
                    ContactId contactId = UserInput.contactId(args.word("the contact ID"));
                    PrivateMessageHeader sent = conversations.send(contactId, args.remainder("the text"));
                    out.line("Sent to " + ConsoleFormat.contactId(contactId) + " at " + format.time(sent.timestamp()));
                }),
                new Command("read", "<contactId>", "the conversation with a contact; marks their messages read",
                        args -> {
                            ContactId contactId = UserInput.contactId(args.word("the contact ID"));
                            args.end();
                            read(contactId);
                        }));
    }

    /** Marks read exactly the messages shown: one arriving meanwhile stays new for the next read. */
    private void read(ContactId contactId) throws Exception {
        List<Conversations.Entry> entries = conversations.read(contactId);
        if (entries.isEmpty()) out.line("No messages with " + ConsoleFormat.contactId(contactId) + " yet");
        List<MessageId> unread = new ArrayList<>();
        for (Conversations.Entry e : entries) {
            out.line(format.message(e.header(), e.text()));
            if (!e.header().local() && !e.header().read()) unread.add(e.header().id());
        }
        if (!unread.isEmpty()) conversations.markRead(contactId, unread);
    }
}
