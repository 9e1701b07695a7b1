package org.thicket.messenger.headless.api;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The API's bearer token: 32 random bytes as unpadded base64url (43 characters), made at the first start and kept
 * in {@value #FILE_NAME} in the data directory, readable by its owner only. Whoever can read the file can use the
 * API as the account's owner; whoever cannot, cannot.
 */
public final class ApiToken {

    public static final String FILE_NAME = "api-token";
    static final int RANDOM_BYTES = 32;
    static final int LENGTH = 43;
    /** The scheme, which RFC 7235 makes case-insensitive, and the one blank after it. */
    private static final String BEARER = "Bearer ";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** The token's ASCII bytes; compared, never logged. */
    private final byte[] token;

    private ApiToken(byte[] token) {
        this.token = token;
    }

    /**
     * Reads the token file of the data directory, making it first if there is none.
     *
     * @throws IOException if it cannot be read or written, does not hold a token, or other users may read it
     */
    public static ApiToken loadOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException e) {
                // Another start made it in between; read theirs.
            }
        }
        return read(file);
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        byte[] text = Base64.getUrlEncoder().withoutPadding().encode(random);
        // Created with its final permissions, so it is never readable by others, not even for a moment.
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.write(file, text);
    }

    private static ApiToken read(Path file) throws IOException {
        if (isPosix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            throw new IOException(file + " may be read or written by other users: chmod 600 it, or delete it "
                    + "for a new token");
        }
        byte[] text = Files.readAllBytes(file);
        int length = text.length;
        while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r')) length--;
        if (length != LENGTH || !isBase64Url(text, length)) {
            throw new IOException(file + " does not hold an API token; delete it for a new one");
        }
        byte[] token = new byte[length];
        System.arraycopy(text, 0, token, 0, length);
        return new ApiToken(token);
    }

    private static boolean isBase64Url(byte[] text, int length) {
        for (int i = 0; i < length; i++) {
            int c = text[i];
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    /**
     * Whether an Authorization header carries this token: "Bearer " (in any case) and the token. The token is
     * compared in time that does not depend on how much of it matches.
     *
     * @param authorization the header's value, or null if there is none
     */
    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) return false;
        byte[] presented = authorization.substring(BEARER.length()).getBytes(US_ASCII);
        return MessageDigest.isEqual(presented, token);
    }
}
