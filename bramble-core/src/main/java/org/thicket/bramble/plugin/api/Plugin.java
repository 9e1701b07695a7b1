package org.thicket.bramble.plugin.api;

import java.util.Collection;

/**
 * One transport (Tor, LAN, Bluetooth, a removable drive, ...): it listens for incoming connections while it runs and
 * makes outgoing ones when asked. A plugin is created by its {@link PluginFactory}, started and stopped once by the
 * plugin manager, and reports its {@link State} through its {@link PluginCallback}.
 */
public interface Plugin {

    /** A reason bit of {@link #getReasonsDisabled}: the user switched the transport off. Plugins add higher bits. */
    int REASON_USER = 1;

    /** The boolean key, in the plugin's settings, by which the user switches the transport on or off. */
    String PREF_ENABLE = "enable";

    /** Where a plugin is between start and stop; only an {@link #ACTIVE} one can make or take connections. */
    enum State {
        /** Starting or stopping; the initial state of every plugin. */
        STARTING_STOPPING,
        /** Switched off, for the reasons in {@link #getReasonsDisabled}. */
        DISABLED,
        /** Switched on and getting ready, e.g. Tor bootstrapping. */
        ENABLING,
        /** Ready: connections can be made and taken. */
        ACTIVE,
        /** Switched on but unable to connect, e.g. no network. */
        INACTIVE
    }

    TransportId getId();

    /** How long, in milliseconds, data may take to cross this transport; senders use it to time retransmissions. */
    long getMaxLatency();

    /** How long, in milliseconds, a connection may stay silent before it is considered dead. */
    long getMaxIdleTime();

    /**
     * Begins listening; called once, on an I/O thread. Returns once the transport is launched, without waiting for
     * it to become active (Tor goes on bootstrapping in the background): stopping waits for this to return.
     */
    void start() throws PluginException;

    /** Stops listening and releases the transport; called once, after {@link #start} returned. */
    void stop() throws PluginException;

    State getState();

    /** The bit set of reasons the plugin is {@link State#DISABLED}; 0 when it is not. */
    int getReasonsDisabled();

    /** Whether the poller should call {@link #poll} every {@link #getPollingInterval} while the plugin is active. */
    boolean shouldPoll();

    /** Milliseconds until the next poll, usually from a {@link Backoff} that grows with each poll. */
    long getPollingInterval();

    /**
     * Tries to connect to each target's contact, handing every connection made to that target's handler. May block
     * while it connects; called on an I/O thread.
     */
    void poll(Collection<PollTarget> targets);
}
