package org.thicket.bramble.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.MessageId;

class AckQueueTest {

    private final AckQueue queue = new AckQueue();

    @Test
    void acksAreTakenOldestFirstInBoundedRecordsAndEachOfferWakesTheWriter() {
        AtomicInteger wakes = new AtomicInteger();
        queue.setListener(wakes::incrementAndGet);
        List<MessageId> ids = ids(5);

        assertThat(queue.offer(ids.subList(0, 3))).isTrue();
        assertThat(queue.offer(ids.subList(3, 5))).isTrue();
        assertThat(queue.offer(List.of())).as("nothing to wake for").isTrue();

        assertThat(wakes).hasValue(2);
        assertThat(queue.take(4)).containsExactlyElementsOf(ids.subList(0, 4));
        assertThat(queue.take(4)).containsExactly(ids.get(4));
        assertThat(queue.take(4)).isEmpty();
    }

    @Test
    void aQueueRefusesWhatWouldTakeItBeyondItsBoundAndKeepsWhatItHas() {
        List<MessageId> ids = ids(AckQueue.MAX_QUEUED + 1);
        assertThat(queue.offer(ids.subList(0, AckQueue.MAX_QUEUED - 1))).isTrue();

        assertThat(queue.offer(ids.subList(AckQueue.MAX_QUEUED - 1, AckQueue.MAX_QUEUED + 1))).isFalse();
        assertThat(queue.offer(ids.subList(AckQueue.MAX_QUEUED - 1, AckQueue.MAX_QUEUED))).isTrue();
        assertThat(queue.close()).containsExactlyElementsOf(ids.subList(0, AckQueue.MAX_QUEUED));
    }

    @Test
    void aClosedQueueHandsBackWhatItHeldAndRefusesMore() {
        List<MessageId> ids = ids(3);
        queue.offer(ids.subList(0, 2));

        assertThat(queue.close()).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(queue.offer(ids.subList(2, 3))).isFalse();
        assertThat(queue.take(10)).isEmpty();
        assertThat(queue.close()).isEmpty();
    }

    private static List<MessageId> ids(int count) {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[MessageId.LENGTH];
            id[0] = (byte) (i >> 24);
            id[1] = (byte) (i >> 16);
            id[2] = (byte) (i >> 8);
            id[3] = (byte) i;
            ids.add(new MessageId(id));
        }
        return ids;
    }
}
