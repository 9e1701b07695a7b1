package org.thicket.bramble.transport.api;

/** The numbers of the transport-key schedule (specs/transport-keys.md). */
public final class TransportConstants {

    /** How far two peers' clocks may differ; added to a transport's latency to give its period length. */
    public static final long MAX_CLOCK_DIFFERENCE_MS = 24L * 60 * 60 * 1000;

    /** The most latency a transport may declare: a year. */
    public static final long MAX_TRANSPORT_LATENCY_MS = 365L * 24 * 60 * 60 * 1000;

    /** How many consecutive stream numbers each set of incoming keys accepts at once. */
    public static final int REORDERING_WINDOW_SIZE = 32;

    /** Stream numbers are uint32 on the wire. */
    public static final long MAX_STREAM_NUMBER = 0xFFFFFFFFL;

    private TransportConstants() {
    }
}
