package org.thicket.bramble.rendezvous.api;

/**
 * The rendezvous schedule: how often we try to reach each pending contact over each transport, and how long after
 * adding a link we give up. Tests bind shorter values.
 */
public record RendezvousConfig(long pollingIntervalMs, long timeoutMs) {

    /** Every minute, for two days, as Briar does. */
    public static final RendezvousConfig DEFAULT = new RendezvousConfig(60_000, 2 * 24 * 60 * 60 * 1000L);

    public RendezvousConfig {
        if (pollingIntervalMs <= 0 || timeoutMs <= 0) throw new IllegalArgumentException("Times are positive");
    }
}
