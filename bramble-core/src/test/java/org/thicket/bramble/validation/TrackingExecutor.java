package org.thicket.bramble.validation;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The validation executor for tests: real daemon threads named {@value #THREAD_PREFIX}N, plus a way to wait until
 * every task submitted so far, and every task those submitted, has finished, and a latch for the start of shutdown.
 */
final class TrackingExecutor extends AbstractExecutorService {

    static final String THREAD_PREFIX = "test-validation-";

    private final ThreadPoolExecutor delegate;
    private final CountDownLatch shutdownStarted = new CountDownLatch(1);
    private int outstanding; // guarded by this

    TrackingExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        delegate = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, THREAD_PREFIX + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            outstanding++;
        }
        try {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            throw e;
        }
    }

    private synchronized void finished() {
        outstanding--;
        notifyAll();
    }

    /** Waits until no task is queued or running; a task counts from before it is queued until after it ran. */
    synchronized void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (outstanding > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TimeoutException(outstanding + " validation tasks still outstanding");
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    boolean awaitShutdownStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return shutdownStarted.await(timeout, unit);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
        shutdownStarted.countDown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdownStarted.countDown();
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
