package org.thicket.bramble.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Modules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.event.api.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class EventBusImplTest {

    private static final long TIMEOUT_SECONDS = 10;

    private record Numbered(int sender, int sequence) implements Event {
    }

    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private final List<ExecutorService> eventThreads = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        senders.shutdownNow();
        eventThreads.forEach(ExecutorService::shutdownNow);
    }

    /** A bus on the module's default event thread, which the test shuts down afterwards. */
    private EventBus defaultBus() {
        Injector injector = Guice.createInjector(new EventModule());
        eventThreads.add((ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class)));
        return injector.getInstance(EventBus.class);
    }

    @Test
    void concurrentBroadcastsArriveOnOneDaemonThreadInEachSendersOrder() throws Exception {
        int senderCount = 4;
        int perSender = 2_500;
        EventBus bus = defaultBus();
        CountDownLatch delivered = new CountDownLatch(senderCount * perSender);
        int[] lastSequence = {-1, -1, -1, -1};
        List<String> outOfOrder = new ArrayList<>();
        Set<Thread> deliveryThreads = new HashSet<>();
        // Runs only on the event thread; the latch publishes its writes to the test thread.
        bus.addListener(e -> {
            Numbered n = (Numbered) e;
            if (n.sequence() != lastSequence[n.sender()] + 1) outOfOrder.add(n.toString());
            lastSequence[n.sender()] = n.sequence();
            deliveryThreads.add(Thread.currentThread());
            delivered.countDown();
        });

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < senderCount; s++) {
            int sender = s;
            sent.add(senders.submit(() -> {
                go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < perSender; i++) bus.broadcast(new Numbered(sender, i));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : sent) f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(delivered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(outOfOrder).isEmpty();
        assertThat(lastSequence).containsOnly(perSender - 1);
        assertThat(deliveryThreads).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo(EventModule.EVENT_THREAD_NAME);
            assertThat(t.isDaemon()).isTrue();
        });
    }

    @Test
    void aThrowingListenerNeitherStopsTheOthersNorEndsTheEventThread() throws Exception {
        EventBus bus = defaultBus();
        BlockingQueue<Thread> before = new LinkedBlockingQueue<>();
        BlockingQueue<Thread> after = new LinkedBlockingQueue<>();
        bus.addListener(e -> before.add(Thread.currentThread()));
        bus.addListener(e -> {
            throw new IllegalStateException("deliberate failure in a test listener");
        });
        bus.addListener(e -> after.add(Thread.currentThread()));

        bus.broadcast(new Numbered(0, 0));
        bus.broadcast(new Numbered(0, 1));

        Thread first = after.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Thread second = after.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(first).isNotNull().isSameAs(second);
        assertThat(before).hasSize(2);
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        EventBus bus = defaultBus();
        BlockingQueue<Event> removed = new LinkedBlockingQueue<>();
        BlockingQueue<Event> kept = new LinkedBlockingQueue<>();
        EventListener removedListener = removed::add;
        bus.addListener(removedListener);
        bus.addListener(kept::add);

        bus.removeListener(removedListener);
        Numbered event = new Numbered(0, 0);
        bus.broadcast(event);

        // Both listeners would be called in one task, the removed one first: once the kept one has it, it is settled.
        assertThat(kept.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(event);
        assertThat(removed).isEmpty();
    }

    @Test
    void broadcastsAfterTheExecutorShutDownAreDropped() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        EventBusImpl bus = new EventBusImpl(executor);
        List<Event> heard = new ArrayList<>();
        bus.addListener(heard::add);
        executor.shutdown();

        assertThatCode(() -> bus.broadcast(new Numbered(0, 0))).doesNotThrowAnyException();
        assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(heard).isEmpty();
    }

    @Test
    void aUiCanReplaceTheEventExecutor() {
        Executor callerThread = Runnable::run;
        Injector injector = Guice.createInjector(Modules.override(new EventModule()).with(
                b -> b.bind(Executor.class).annotatedWith(EventExecutor.class).toInstance(callerThread)));
        EventBus bus = injector.getInstance(EventBus.class);
        List<Thread> heardOn = new ArrayList<>();
        bus.addListener(e -> heardOn.add(Thread.currentThread()));

        bus.broadcast(new Numbered(0, 0));

        assertThat(heardOn).containsExactly(Thread.currentThread());
        assertThat(injector.getInstance(EventBus.class)).isSameAs(bus);
    }
}
