package org.thicket.messenger.headless.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.messenger.messaging.api.NotSupportedByContactException;
import org.thicket.messenger.qr.api.QrDecodeException;

/**
 * The one-line error for whatever a command threw. Refused input says why; a failure of the node itself is logged
 * to standard error, where its details belong, and the console says only what kind of failure it was.
 */
final class ErrorLines {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorLines.class);

    private ErrorLines() {
    }

    static String of(String commandName, Exception e) {
        if (e instanceof ConsoleException || e instanceof IllegalArgumentException) return e.getMessage();
        if (e instanceof NoSuchContactException) return "No such contact";
        if (e instanceof NoSuchMessageException) return "No such message";
        if (e instanceof NotSupportedByContactException) {
            return "The contact does not run private messaging (yet): wait until you have been connected once";
        }
        if (e instanceof InvalidLinkException l) return "Bad link (" + l.reason().name() + "): " + l.getMessage();
        if (e instanceof QrDecodeException) return "Unreadable code: " + e.getMessage();
        if (e instanceof InvalidPayloadException p) {
            return "Refused code (" + p.getReason().name() + "): " + p.getMessage();
        }
        if (e instanceof KeyAgreementException k) {
            return "Cannot add in person (" + k.getReason().name() + "): " + k.getMessage();
        }
        if (e instanceof DbException) {
            LOG.warn("{}: database error", commandName, e);
            return "Database error (details in the log)";
        }
        LOG.error("{} failed", commandName, e);
        return "Internal error (details in the log)";
    }
}
