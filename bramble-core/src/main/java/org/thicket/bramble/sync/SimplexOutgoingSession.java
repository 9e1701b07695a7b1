package org.thicket.bramble.sync;

import java.io.IOException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncSession;
import org.thicket.bramble.sync.api.Versions;

/**
 * One-way: writes VERSIONS, every ack owed, then every message due (eager: every message not acked), and ends the
 * stream. Nothing can come back on the same connection, so there is nothing to request and no offer is made.
 */
final class SimplexOutgoingSession implements SyncSession {

    private final OutgoingRecords records;
    private final StreamWriter streamWriter;
    private final boolean eager;

    private volatile boolean interrupted;

    SimplexOutgoingSession(OutgoingRecords records, StreamWriter streamWriter, boolean eager) {
        this.records = records;
        this.streamWriter = streamWriter;
        this.eager = eager;
    }

    @Override
    public void run() throws IOException, DbException {
        records.writer().writeVersions(new Versions(SyncConstants.SUPPORTED_VERSIONS));
        while (!interrupted && records.writeAcks()) {
            // Full batches: more acks are owed.
        }
        if (eager) {
            if (!interrupted) records.writeUnackedMessages();
        } else {
            while (!interrupted && records.writeDueMessages()) {
                // Full batches: more messages are due.
            }
        }
        records.writer().flush();
        streamWriter.sendEndOfStream();
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }
}
