package org.thicket.bramble.test;

import java.util.Collection;
import org.thicket.bramble.plugin.api.Plugin;
import org.thicket.bramble.plugin.api.PollTarget;
import org.thicket.bramble.plugin.api.TransportId;

/**
 * The lifecycle half of a test transport that never polls contacts and has nothing to start or stop: it stays in one
 * state. Test plugins extend it and implement only what their test needs of DuplexPlugin or SimplexPlugin.
 */
public abstract class PassivePlugin implements Plugin {

    private final TransportId id;
    private final long maxLatency;
    private final long maxIdleTime;
    private final State state;

    protected PassivePlugin(TransportId id, long maxLatency, long maxIdleTime, State state) {
        this.id = id;
        this.maxLatency = maxLatency;
        this.maxIdleTime = maxIdleTime;
        this.state = state;
    }

    @Override
    public TransportId getId() {
        return id;
    }

    @Override
    public long getMaxLatency() {
        return maxLatency;
    }

    @Override
    public long getMaxIdleTime() {
        return maxIdleTime;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public int getReasonsDisabled() {
        return 0;
    }

    @Override
    public boolean shouldPoll() {
        return false;
    }

    @Override
    public long getPollingInterval() {
        return maxLatency;
    }

    @Override
    public void poll(Collection<PollTarget> targets) {
    }
}
