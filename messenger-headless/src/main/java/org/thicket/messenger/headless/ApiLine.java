package org.thicket.messenger.headless;

import java.nio.file.Path;
import org.thicket.messenger.headless.api.ApiServer;

/**
 * The line on standard output, just before READY, that says where the API listens and where its token is:
 * {@code API url=http://127.0.0.1:<port> token-file=<path>}. The path is last, so one with blanks still parses.
 */
final class ApiLine {

    static final String PREFIX = "API ";

    private ApiLine() {
    }

    static String of(int port, Path tokenFile) {
        return PREFIX + "url=http://" + ApiServer.HOST + ":" + port + " token-file=" + tokenFile;
    }
}
