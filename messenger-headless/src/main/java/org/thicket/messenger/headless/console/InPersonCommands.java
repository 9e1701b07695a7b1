package org.thicket.messenger.headless.console;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.contact.api.InPersonAddingStatus;
import org.thicket.messenger.headless.service.OurCode;
import org.thicket.messenger.qr.api.QrCodes;

/** Adding a contact in person by swapping QR codes: {@code qr}, {@code scan}, {@code adding}. */
final class InPersonCommands {

    private final InPersonAdding adding;
    private final QrCodes qrCodes;
    private final ConsoleOutput out;

    InPersonCommands(InPersonAdding adding, QrCodes qrCodes, ConsoleOutput out) {
        this.adding = adding;
        this.qrCodes = qrCodes;
        this.out = out;
    }

    List<Command> commands() {
        return List.of(
                new Command("qr", "", "start adding a contact in person: shows our code to scan or paste",
                        args -> {
                            args.end();
                            qr();
                        }),
                new Command("scan", "<payload text | PNG/JPEG file>", "take the peer's code; then see adding",
                        args -> scan(args.remainder("the peer's code (its text or an image file)"))),
                new Command("adding", "[cancel]", "the state of adding in person, or cancel it", args -> {
                    String cancel = args.optionalWord();
                    args.end();
                    if (cancel != null && !cancel.equals("cancel")) {
                        throw new ConsoleException("adding takes cancel or nothing, not: " + cancel);
                    }
                    if (cancel != null) adding.cancel();
                    out.line(status(adding.status()));
                }));
    }

    private void qr() throws Exception {
        OurCode code;
        try {
            code = OurCode.start(adding, qrCodes);
        } catch (IllegalStateException e) {
            throw new ConsoleException("Adding in person is under way; 'adding cancel' ends it");
        }
        out.block(code.terminalText());
        out.line("Our code as text: " + code.payloadText());
        out.line("Now scan the peer's code: scan <its text or an image file>");
    }

    private void scan(String code) throws Exception {
        byte[] payload = isFile(code) ? qrCodes.decodeImage(Path.of(code)) : qrCodes.decodeText(code);
        try {
            adding.scan(payload);
        } catch (IllegalStateException e) {
            throw new ConsoleException("Not waiting for a code: start with qr, once per contact");
        }
        out.line(status(adding.status()));
    }

    private static boolean isFile(String text) {
        try {
            return Files.isRegularFile(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static String status(InPersonAddingStatus status) {
        String line = "Adding in person: " + status.state().name();
        if (status.contactId() != null) line += ", contact " + ConsoleFormat.contactId(status.contactId());
        if (status.failure() != null) line += ", " + status.failure().name();
        return line;
    }
}
