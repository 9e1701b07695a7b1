package org.thicket.messenger.headless;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.thicket.bramble.util.Bytes;

/**
 * Finds the password, first match wins: the first line of {@code --password-file}, the environment variable
 * {@value #ENV_VAR}, the terminal. Never a command-line argument: any local user can read those in the process list.
 * A password leaves here as UTF-8 bytes for the caller to wipe; every copy made on the way is wiped here. (An
 * environment variable arrives as a String, which cannot be wiped; the file or the terminal avoid that.)
 */
final class PasswordSource {

    static final String ENV_VAR = "THICKET_PASSWORD";
    /** Far longer than any typed password: a longer first line means the wrong file. */
    static final int MAX_BYTES = 1024;
    /** How often the terminal asks again when the two entries of a new password differ. */
    static final int ATTEMPTS = 3;

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path file;
    private final UnaryOperator<String> environment;
    private final Prompter prompter;

    /**
     * @param file the {@code --password-file}, or null
     * @param environment looks up environment variables, e.g. {@code System::getenv}
     * @param prompter the terminal, or null if there is none
     */
    PasswordSource(Path file, UnaryOperator<String> environment, Prompter prompter) {
        this.file = file;
        this.environment = environment;
        this.prompter = prompter;
    }

    /** The password that unlocks an existing account. */
    byte[] password() throws ExitException {
        byte[] given = fromFileOrEnvironment();
        if (given != null) return given;
        char[] typed = terminal().readPassword("Password: ");
        try {
            return utf8(requireEntered(typed));
        } finally {
            Bytes.wipe(typed);
        }
    }

    /** The password for a new account; the terminal asks for it twice. */
    byte[] newPassword() throws ExitException {
        byte[] given = fromFileOrEnvironment();
        if (given != null) return given;
        Prompter terminal = terminal();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            char[] first = null;
            char[] second = null;
            try {
                first = requireEntered(terminal.readPassword("New password: "));
                second = requireEntered(terminal.readPassword("Repeat the password: "));
                if (Arrays.equals(first, second)) return utf8(first);
                terminal.tell("The passwords do not match.");
            } finally {
                Bytes.wipe(first);
                Bytes.wipe(second);
            }
        }
        throw ExitException.usage("The passwords did not match in " + ATTEMPTS + " attempts");
    }

    private byte[] fromFileOrEnvironment() throws ExitException {
        if (file != null) return requireValid(readFirstLine(file), "The first line of " + file);
        String value = environment.apply(ENV_VAR);
        if (value != null) return requireValid(value.getBytes(UTF_8), "$" + ENV_VAR);
        return null;
    }

    private Prompter terminal() throws ExitException {
        if (prompter != null) return prompter;
        throw ExitException.usage("No password: give --password-file FILE, set " + ENV_VAR
                + ", or run in a terminal");
    }

    private static char[] requireEntered(char[] typed) throws ExitException {
        if (typed == null) throw ExitException.usage("No password was entered");
        if (typed.length == 0) throw ExitException.usage("The password is empty");
        return typed;
    }

    static byte[] readFirstLine(Path file) throws ExitException {
        byte[] buffer = new byte[MAX_BYTES + 1];
        try {
            requireOwnerOnly(file);
            int length;
            try (InputStream in = Files.newInputStream(file)) {
                length = in.readNBytes(buffer, 0, buffer.length);
            }
            int end = lineEnd(buffer, length);
            if (end > MAX_BYTES) {
                throw ExitException.usage("The first line of " + file + " is longer than " + MAX_BYTES + " bytes");
            }
            return Arrays.copyOf(buffer, end);
        } catch (NoSuchFileException e) {
            throw ExitException.usage("The password file does not exist: " + file);
        } catch (IOException e) {
            throw ExitException.usage("Cannot read the password file " + file + ": " + e);
        } finally {
            Bytes.wipe(buffer);
        }
    }

    /** Where the first line ends: at LF, CR or CRLF like {@link java.io.BufferedReader#readLine}, or at the end. */
    private static int lineEnd(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') return i;
        }
        return length;
    }

    /** On POSIX file systems; elsewhere (Windows) the file's ACL is the user's business. */
    private static void requireOwnerOnly(Path file) throws IOException, ExitException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return;
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains)) return;
        throw ExitException.usage("The password file " + file + " is open to other users ("
                + PosixFilePermissions.toString(permissions) + "); make it private with: chmod 600 " + file);
    }

    /** Refuses an empty password and bytes that are not UTF-8 (a password from the terminal always is). */
    private static byte[] requireValid(byte[] password, String source) throws ExitException {
        if (password.length == 0) throw ExitException.usage(source + " is empty: a password must not be");
        if (!isUtf8(password)) {
            Bytes.wipe(password);
            throw ExitException.usage(source + " is not UTF-8 text");
        }
        return password;
    }

    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = UTF_8.newDecoder();
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        try {
            return !decoder.decode(ByteBuffer.wrap(bytes), chars, true).isError() && !decoder.flush(chars).isError();
        } finally {
            Bytes.wipe(chars.array());
        }
    }

    /** Encodes into one buffer sized for the worst case, so no unwiped intermediate copy is left behind. */
    private static byte[] utf8(char[] password) throws ExitException {
        CharsetEncoder encoder = UTF_8.newEncoder();
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.ceil(encoder.maxBytesPerChar() * password.length));
        try {
            if (encoder.encode(CharBuffer.wrap(password), bytes, true).isError() || encoder.flush(bytes).isError()) {
                throw ExitException.usage("The password is not valid Unicode text");
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        } finally {
            Bytes.wipe(bytes.array());
        }
    }
}
