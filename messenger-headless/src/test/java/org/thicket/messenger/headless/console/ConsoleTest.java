package org.thicket.messenger.headless.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.headless.TestNodes;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.messaging.api.MessagingConstants;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;
import org.thicket.messenger.node.MessengerNode;

/**
 * The console on a real node (Alice) in this JVM, driven line by line, whose contact Bob is a second real node;
 * messages move between the two by hand ({@link TestNodes}).
 */
class ConsoleTest {

    private static final long MAX_WAIT_SECONDS = 30;
    private static final int MAX_POLLS = 1500;
    private static final long POLL_MS = 20;

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;
    @TempDir
    Path files;

    private MessengerNode alice;
    private MessengerNode bob;
    private ContactId bobAtAlice;
    private ContactId aliceAtBob;
    private final StringWriter output = new StringWriter();
    private NodeConsole console;
    private int read;

    @BeforeEach
    void startAliceWithBobAsContactAndHerConsole() throws Exception {
        alice = TestNodes.start(aliceDir, "Alice");
        bob = TestNodes.start(bobDir, "Bob");
        TestNodes.Contacts contacts = TestNodes.makeContacts(alice, bob);
        bobAtAlice = contacts.bobAtAlice();
        aliceAtBob = contacts.aliceAtBob();
        console = NodeConsole.of(alice, new PrintWriter(output));
    }

    @AfterEach
    void stopTheConsoleAndBothNodes() {
        if (console != null) console.close();
        if (alice != null) alice.stop();
        if (bob != null) bob.stop();
    }

    @Test
    void helpListsEveryCommandWithOneLineEach() {
        List<String> lines = lines(run("help"));

        List<String> names = List.of("help", "me", "link", "contacts", "add", "pending", "send", "read", "qr",
                "scan", "adding", "events", "quit");
        assertThat(lines).hasSize(names.size());
        for (String name : names) {
            assertThat(lines).as(name).anySatisfy(l -> assertThat(l).matches("  " + name + "( .*)? {2,}\\S.*"));
        }
    }

    @Test
    void meIsOurNicknameAndAuthorIdAndLinkOurLink() throws Exception {
        String authorHex = Bytes.toHex(TestNodes.author(alice).id().getBytes());
        assertThat(run("me")).isEqualTo("nickname: Alice  author: " + authorHex + "\n");

        String link = alice.get(PendingContactManager.class).getHandshakeLink();
        assertThat(link).startsWith("briar://");
        assertThat(run("link")).isEqualTo(link + "\n");
    }

    @Test
    void contactsListsBob() {
        assertThat(run("contacts")).isEqualTo("#" + bobAtAlice.value() + " Bob  not connected  unread: 0\n");
    }

    @Test
    void aSentMessageIsReadBackAsOutgoing() {
        String sent = run("send " + bobAtAlice.value() + " Hi Bob,  how are you? \u263a");
        assertThat(sent).startsWith("Sent to #" + bobAtAlice.value() + " at ");

        List<String> conversation = lines(run("read " + bobAtAlice.value()));
        assertThat(conversation).hasSize(1);
        assertThat(conversation.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  out sent +"
                + "Hi Bob,  how are you\\? \u263a");
    }

    @Test
    void aMessageFromBobIsReadThenMarkedRead() throws Exception {
        receiveFromBob("Hello Alice\nsecond line");
        assertThat(run("contacts")).endsWith("unread: 1\n");

        List<String> first = lines(run("read " + bobAtAlice.value()));
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).contains("  in  new ").endsWith("Hello Alice\u21b5second line");

        assertThat(run("contacts")).endsWith("unread: 0\n");
        assertThat(run("read " + bobAtAlice.value())).contains("  in  read ");
    }

    @Test
    void eventsOnPrintsAMessageAsItArrives() throws Exception {
        assertThat(run("events on")).isEqualTo("Events on\n");
        receiveFromBob("Are you there?");

        String event = awaitOutput("Are you there?");
        assertThat(event).startsWith("* message from #" + bobAtAlice.value() + " Bob: ").contains("  in  new ");

        assertThat(run("events off")).isEqualTo("Events off\n");
    }

    @Test
    void badInputGetsOneErrorLineAndTheConsoleGoesOn() throws Exception {
        Path notAnImage = Files.write(files.resolve("code.png"), "not a PNG".getBytes(UTF_8));
        String tooLongText = "x".repeat(MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH + 1);
        List<String> bad = List.of("frobnicate", "me too", "send", "send " + bobAtAlice.value(), "send abc hi",
                "send 0 hi", "send 99999999999 hi", "send 999 hi", "send " + bobAtAlice.value() + " " + tooLongText,
                "read", "read 999", "read -1", "add", "add briar://nonsense", "add briar://nonsense Bob",
                "add " + alice.get(PendingContactManager.class).getHandshakeLink() + " Me", "scan",
                "scan not a code", "scan " + notAnImage, "events", "events maybe", "adding now", "help me");
        for (String line : bad) {
            String answer = run(line);
            assertThat(lines(answer)).as(line).hasSize(1);
            assertThat(answer).as(line).startsWith(ConsoleOutput.ERROR_PREFIX)
                    .doesNotContain("Internal error", "Database error");
        }
        assertThat(run("frobnicate")).contains("Unknown command: frobnicate");
        assertThat(run("send 999 hi")).contains("No such contact");
        assertThat(run("send abc hi")).contains("Not a contact ID: abc");
        assertThat(run("scan " + notAnImage)).contains("Unreadable code");

        assertThat(run("me")).startsWith("nickname: Alice");
        assertThat(run("read " + bobAtAlice.value())).startsWith("No messages");
        assertThat(run("")).isEmpty();
        assertThat(run("adding")).isEqualTo("Adding in person: IDLE\n");
    }

    @Test
    void anOverlongLineIsRefusedAndQuitEndsTheConsole() {
        String script = "y".repeat(BoundedLineReader.MAX_LINE_CHARS + 1) + "\nme\r\nquit\nme\n";

        console.run(new StringReader(script));

        List<String> lines = lines(newOutput());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("type help");
        assertThat(lines.get(1)).isEqualTo(ConsoleOutput.ERROR_PREFIX + "The line is longer than 65536 characters; "
                + "refused");
        assertThat(lines.get(2)).startsWith("nickname: Alice");
    }

    @Test
    void theEndOfInputEndsTheConsoleAndALineOfTheLongestLengthIsTaken() {
        String longest = "send " + bobAtAlice.value() + " " + "z".repeat(BoundedLineReader.MAX_LINE_CHARS);
        String line = longest.substring(0, BoundedLineReader.MAX_LINE_CHARS);

        console.run(new StringReader(line + "\nme"));

        List<String> lines = lines(newOutput());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("more than " + MessagingConstants.MAX_PRIVATE_MESSAGE_TEXT_LENGTH);
        assertThat(lines.get(2)).startsWith("nickname: Alice");
        assertThat(console.execute("quit")).isFalse();
    }

    /** Bob sends {@code text}; returns once Alice's node has taken it in. */
    private void receiveFromBob(String text) throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        EventListener listener = e -> {
            if (e instanceof PrivateMessageReceivedEvent) received.countDown();
        };
        alice.get(EventBus.class).addListener(listener);
        try {
            Conversations.of(bob).send(aliceAtBob, text);
            TestNodes.moveMessages(bob, aliceAtBob, alice, bobAtAlice);
            assertThat(received.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)).as("message received").isTrue();
        } finally {
            alice.get(EventBus.class).removeListener(listener);
        }
    }

    /** The first new line containing {@code text}, printed by the event thread. */
    private String awaitOutput(String text) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            seen.append(newOutput());
            for (String line : lines(seen.toString())) {
                if (line.contains(text)) return line;
            }
            Thread.sleep(POLL_MS);
        }
        throw new AssertionError("No line with " + text + " in: " + seen);
    }

    /** What the console printed for {@code line}. */
    private String run(String line) {
        assertThat(console.execute(line)).isTrue();
        return newOutput();
    }

    private String newOutput() {
        String all = output.toString();
        String fresh = all.substring(read);
        read = all.length();
        return fresh;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
