package org.thicket.bramble.transport;

import static org.thicket.bramble.transport.api.TransportConstants.MAX_STREAM_NUMBER;
import static org.thicket.bramble.transport.api.TransportConstants.REORDERING_WINDOW_SIZE;

import java.util.ArrayList;
import java.util.List;

/**
 * The stream numbers of one period that may still arrive: the 32 numbers from {@code base} on, of which those whose
 * bit is clear in {@code bitmap} are unseen. Bit {@code 31 - i} (the most significant bit first) stands for
 * {@code base + i}. Numbers above 2^32 - 1 do not exist, so near the top the window holds fewer than 32.
 * <p>
 * Seeing a number slides the window forward until (1) nothing in its upper half (offsets 16 to 31) is seen and
 * (2) its lowest number is unseen. So up to 16 numbers below the highest seen one stay acceptable, for streams that
 * overtake each other, and the window never holds a seen number it could drop.
 */
record ReorderingWindow(long base, int bitmap) {

    private static final int HALF = REORDERING_WINDOW_SIZE / 2;

    /** What seeing one number did: the window after it, and the unseen numbers that entered and left it. */
    record Change(ReorderingWindow window, List<Long> added, List<Long> removed) {
    }

    ReorderingWindow {
        if (base < 0 || base > MAX_STREAM_NUMBER + 1) throw new IllegalArgumentException("Not a window base: " + base);
    }

    /** A window that has seen nothing, from stream number 0. */
    ReorderingWindow() {
        this(0, 0);
    }

    boolean isUnseen(long streamNumber) {
        long offset = streamNumber - base;
        return offset >= 0 && offset < REORDERING_WINDOW_SIZE && streamNumber <= MAX_STREAM_NUMBER
                && !isSeen((int) offset);
    }

    /** The unseen numbers, in ascending order. */
    List<Long> unseen() {
        List<Long> unseen = new ArrayList<>(REORDERING_WINDOW_SIZE);
        for (int i = 0; i < REORDERING_WINDOW_SIZE; i++) {
            if (isUnseen(base + i)) unseen.add(base + i);
        }
        return unseen;
    }

    /**
     * Marks a number seen and slides. {@code removed} lists the number itself and the unseen numbers that slid out,
     * {@code added} the numbers that slid in (all unseen, none above 2^32 - 1).
     *
     * @throws IllegalArgumentException if the number is not an unseen number of this window
     */
    Change markSeen(long streamNumber) {
        if (!isUnseen(streamNumber)) {
            throw new IllegalArgumentException("Stream number " + streamNumber + " is not unseen in " + this);
        }
        int offset = (int) (streamNumber - base);
        int seen = bitmap | bit(offset);
        int slide = Math.max(0, offset + 1 - HALF);
        while (slide < REORDERING_WINDOW_SIZE && (seen & bit(slide)) != 0) slide++;
        List<Long> removed = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < slide; i++) {
            if ((seen & bit(i)) == 0) removed.add(base + i);
            long entering = base + REORDERING_WINDOW_SIZE + i;
            if (entering <= MAX_STREAM_NUMBER) added.add(entering);
        }
        removed.add(streamNumber);
        int slid = slide == REORDERING_WINDOW_SIZE ? 0 : seen << slide;
        return new Change(new ReorderingWindow(base + slide, slid), added, removed);
    }

    private boolean isSeen(int offset) {
        return (bitmap & bit(offset)) != 0;
    }

    private static int bit(int offset) {
        return 1 << (REORDERING_WINDOW_SIZE - 1 - offset);
    }

    @Override
    public String toString() {
        return "ReorderingWindow(base " + base + ", bitmap " + Integer.toBinaryString(bitmap) + ")";
    }
}
