package org.thicket.bramble.test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

/**
 * A scheduled executor that runs nothing until a test moves its {@link SettableClock} with {@link #advance}: then it
 * runs every task that falls due, in due order (ties in submission order), on the test's thread, with the clock set
 * to each task's due time. Tasks scheduled by running tasks run in the same call if they fall due in time. Periodic
 * scheduling is not supported.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** More tasks than this in one {@link #advance} means a task keeps rescheduling itself without delay. */
    private static final int MAX_TASKS_PER_ADVANCE = 10_000;

    private final SettableClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>(); // guarded by this
    private long submissions; // guarded by this
    private boolean shutdown; // guarded by this

    public ManualScheduler(SettableClock clock) {
        this.clock = clock;
    }

    /** Moves the clock forward, running each task that falls due at its due time, and ends at now + delta. */
    public void advance(long deltaMs) {
        long target = clock.currentTimeMillis() + deltaMs;
        for (int i = 0; i < MAX_TASKS_PER_ADVANCE; i++) {
            Task<?> next = nextDue(target);
            if (next == null) {
                clock.set(target);
                return;
            }
            clock.set(Math.max(clock.currentTimeMillis(), next.dueMs));
            next.run();
        }
        throw new IllegalStateException("Over " + MAX_TASKS_PER_ADVANCE + " tasks fell due in one advance");
    }

    /** Runs the tasks due now, without moving the clock. */
    public void runDueTasks() {
        advance(0);
    }

    /** The due times of the tasks waiting to run, earliest first. */
    public synchronized List<Long> dueTimes() {
        List<Task<?>> tasks = new ArrayList<>(queue);
        tasks.sort(null);
        return tasks.stream().map(t -> t.dueMs).toList();
    }

    private synchronized Task<?> nextDue(long target) {
        Task<?> next = queue.peek();
        if (next == null || next.dueMs > target) return null;
        return queue.poll();
    }

    private synchronized <V> Task<V> submitTask(Callable<V> work, long delay, TimeUnit unit) {
        if (shutdown) throw new RejectedExecutionException("Shut down");
        Task<V> task = new Task<>(work, clock.currentTimeMillis() + unit.toMillis(Math.max(0, delay)), submissions++);
        queue.add(task);
        return task;
    }

    private synchronized boolean dequeue(Task<?> task) {
        return queue.remove(task);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return submitTask(Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return submitTask(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("Periodic tasks are not supported");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        throw new UnsupportedOperationException("Periodic tasks are not supported");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(queue);
        queue.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> implements ScheduledFuture<V>, Runnable {
        private final Callable<V> work;
        private final long dueMs;
        private final long submission;
        private boolean cancelled; // guarded by the scheduler
        private boolean done; // guarded by the scheduler
        private V result; // guarded by the scheduler
        private Throwable failure; // guarded by the scheduler

        Task(Callable<V> work, long dueMs, long submission) {
            this.work = work;
            this.dueMs = dueMs;
            this.submission = submission;
        }

        @Override
        public void run() {
            try {
                V value = work.call();
                synchronized (ManualScheduler.this) {
                    result = value;
                }
            } catch (Exception e) {
                synchronized (ManualScheduler.this) {
                    failure = e;
                }
            } finally {
                synchronized (ManualScheduler.this) {
                    done = true;
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMs - clock.currentTimeMillis(), MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            int byDue = Long.compare(dueMs, o.dueMs);
            return byDue != 0 ? byDue : Long.compare(submission, o.submission);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (ManualScheduler.this) {
                if (done || cancelled) return false;
                cancelled = dequeue(this);
                return cancelled;
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (ManualScheduler.this) {
                return cancelled;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (ManualScheduler.this) {
                return done || cancelled;
            }
        }

        @Override
        public V get() throws ExecutionException {
            synchronized (ManualScheduler.this) {
                if (cancelled) throw new CancellationException();
                if (!done) throw new IllegalStateException("Not run yet: advance the clock first");
                if (failure != null) throw new ExecutionException(failure);
                return result;
            }
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }
    }
}
