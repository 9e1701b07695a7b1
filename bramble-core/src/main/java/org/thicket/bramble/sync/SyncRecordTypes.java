package org.thicket.bramble.sync;

/** The record-type bytes of BSP version 0. */
final class SyncRecordTypes {

    static final int ACK = 0;
    static final int MESSAGE = 1;
    static final int OFFER = 2;
    static final int REQUEST = 3;
    static final int VERSIONS = 4;
    static final int PRIORITY = 5;

    private SyncRecordTypes() {
    }
}
