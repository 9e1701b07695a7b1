package org.thicket.messenger.headless;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.messenger.node.MessengerNode;

/**
 * Every way out of a started node ends here: SIGINT, SIGTERM and {@link #exit} all run the JVM's shutdown hooks,
 * and ours stops the node (services, executors, database) and forgets the key. It then halts the JVM with our exit
 * code: after SIGTERM the JVM would otherwise report 143, although the node stopped cleanly. Halting cuts short any
 * other application hook and skips delete-on-exit files; this program needs neither (the database is opened with
 * H2's own shutdown hook turned off).
 */
final class NodeShutdown {

    static final String STOPPED_MESSAGE = "Stopped";

    private static final Logger LOG = LoggerFactory.getLogger(NodeShutdown.class);

    private volatile ExitCode code = ExitCode.STOPPED;
    private volatile AutoCloseable frontEnd;

    /** From now on the JVM stops {@code node} on its way out. */
    void stopOnExit(MessengerNode node) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(node), "thicket-node-shutdown"));
    }

    /** From now on the JVM closes {@code frontEnd} (the API) on its way out, before it stops the node. */
    void closeFirstOnExit(AutoCloseable frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** Ends the program with {@code code}, stopping the node first if there is one. Does not return. */
    void exit(ExitCode code) {
        this.code = code;
        System.exit(code.status());
    }

    private void stopAndHalt(MessengerNode node) {
        ExitCode exit = code;
        try {
            AutoCloseable first = frontEnd;
            if (first != null) first.close();
            node.stop();
            LOG.info(STOPPED_MESSAGE);
        } catch (Exception e) {
            LOG.error("The node did not stop cleanly", e);
            exit = ExitCode.FAILED;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exit.status());
    }
}
