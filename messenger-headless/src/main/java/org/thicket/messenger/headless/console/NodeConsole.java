package org.thicket.messenger.headless.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.headless.service.ContactList;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.node.MessengerNode;
import org.thicket.messenger.qr.api.QrCodes;

/**
 * The interactive console: reads commands line by line, runs each and prints its answer, until the end of input or
 * {@code quit}. A command that fails prints one line starting with {@value ConsoleOutput#ERROR_PREFIX} and the
 * console goes on; nothing typed can stop the node other than {@code quit}.
 */
public final class NodeConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConsole.class);
    private static final String QUIT = "quit";
    private static final int MAX_ECHOED_CHARS = 20;

    private final ConsoleOutput out;
    private final EventPrinter events;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    private NodeConsole(ConsoleOutput out, EventPrinter events, List<Command> commands) {
        this.out = out;
        this.events = events;
        add(new Command("help", "", "this list", args -> {
            args.end();
            help();
        }));
        commands.forEach(this::add);
        add(new Command(QUIT, "", "stop the node and exit", Arguments::end));
    }

    /** A console on the node's services, printing to {@code out}, times in the system's time zone. */
    public static NodeConsole of(MessengerNode node, PrintWriter writer) {
        ConsoleOutput out = new ConsoleOutput(writer);
        ConsoleFormat format = new ConsoleFormat(ZoneId.systemDefault());
        TransactionManager db = node.get(TransactionManager.class);
        PendingContactManager pending = node.get(PendingContactManager.class);
        Conversations conversations = Conversations.of(node);
        EventPrinter events = new EventPrinter(node.get(EventBus.class), db, node.get(ContactManager.class),
                conversations, format, out);
        List<Command> commands = new ArrayList<>();
        commands.addAll(new IdentityCommands(db, node.get(IdentityManager.class), pending, out).commands());
        commands.addAll(new ContactCommands(ContactList.of(node), pending, format, out).commands());
        commands.addAll(new MessageCommands(conversations, format, out).commands());
        commands.addAll(new InPersonCommands(node.get(InPersonAdding.class), node.get(QrCodes.class), out)
                .commands());
        commands.addAll(events.commands());
        return new NodeConsole(out, events, commands);
    }

    private void add(Command command) {
        if (commands.put(command.name(), command) != null) {
            throw new IllegalArgumentException("Two commands named " + command.name());
        }
    }

    /** Runs commands from {@code in} until its end or {@code quit}. A read error counts as the end. */
    public void run(Reader in) {
        out.line("Thicket console: type help for the commands, quit to stop");
        BoundedLineReader lines = new BoundedLineReader(in);
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (ConsoleException e) {
                out.error(e.getMessage());
                continue;
            } catch (IOException e) {
                LOG.warn("Standard input failed; treating it as ended", e);
                return;
            }
            if (line == null || !execute(line)) return;
        }
    }

    /**
     * Runs one command line.
     *
     * @return false if it was {@code quit}
     */
    public boolean execute(String line) {
        Arguments words = new Arguments(line, "<command> [arguments]; help lists them");
        String name = words.optionalWord();
        if (name == null) return true;
        Command command = commands.get(name);
        if (command == null) {
            out.error("Unknown command: " + echo(name) + " (help lists them)");
            return true;
        }
        String rest = line.strip().substring(name.length());
        try {
            command.action().run(new Arguments(rest, usage(command)));
        } catch (Exception e) {
            out.error(ErrorLines.of(name, e));
            return true;
        }
        return !name.equals(QUIT);
    }

    private void help() {
        for (Command c : commands.values()) out.line(String.format("  %-36s %s", usage(c), c.help()));
    }

    private static String usage(Command c) {
        return c.synopsis().isEmpty() ? c.name() : c.name() + " " + c.synopsis();
    }

    private static String echo(String word) {
        return word.length() <= MAX_ECHOED_CHARS ? word : word.substring(0, MAX_ECHOED_CHARS) + "...";
    }

    /** Stops printing events; the node itself is its owner's to stop. */
    @Override
    public void close() {
        events.close();
    }
}
