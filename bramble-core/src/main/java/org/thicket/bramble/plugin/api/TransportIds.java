package org.thicket.bramble.plugin.api;

/**
 * The transport IDs Briar peers use. They name transports on the wire and feed key derivation, so they must be
 * spelled exactly so.
 */
public final class TransportIds {

    public static final TransportId TOR = new TransportId("org.briarproject.bramble.tor");
    public static final TransportId LAN = new TransportId("org.briarproject.bramble.lan");
    public static final TransportId BLUETOOTH = new TransportId("org.briarproject.bramble.bluetooth");
    public static final TransportId REMOVABLE_DRIVE = new TransportId("org.briarproject.bramble.drive");
    public static final TransportId MAILBOX = new TransportId("org.briarproject.bramble.mailbox");

    private TransportIds() {
    }
}
