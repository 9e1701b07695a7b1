package org.thicket.messenger.headless.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Sending numbered texts through a node's API and counting what a conversation holds. */
public final class Conversations {

    private Conversations() {
    }

    /** The text of message {@code i} of a series: unique within it and across series with other prefixes. */
    public static String text(String prefix, int i) {
        return prefix + " #" + i;
    }

    /**
     * Sends texts {@code from} to {@code to - 1} of the series to the contact, at most as many at once as the pool
     * has threads, and waits for every one to be accepted (201).
     */
    public static void send(ExecutorService pool, NodeApi node, int contactId, String prefix, int from, int to)
            throws Exception {
        send(pool, node, contactId, i -> text(prefix, i), from, to);
    }

    /** As {@link #send(ExecutorService, NodeApi, int, String, int, int)}, text {@code i} being texts(i). */
    public static void send(ExecutorService pool, NodeApi node, int contactId, IntFunction<String> texts, int from,
            int to) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String text = texts.apply(i);
            sent.add(pool.submit(() -> {
                sendOne(node, contactId, text);
                return null;
            }));
        }
        for (Future<?> f : sent) f.get(HeadlessNode.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void sendOne(NodeApi node, int contactId, String text) throws Exception {
        NodeApi.Answer answer = node.post("/v1/messages/" + contactId, Map.of("text", text));
        if (answer.status() != 201) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new AssertionError("Sending \"" + shown + "\": " + answer);
        }
    }

    /** What one side's conversation with a contact holds. */
    public record Tally(Map<String, Integer> received, int sent, int sentDelivered) {

        /** Whether every text of the series arrived exactly once, and all our messages were acknowledged. */
        public boolean complete(String receivedPrefix, int count, int expectedSent) {
            return sent == expectedSent && sentDelivered == expectedSent && exactlyOnce(receivedPrefix, count);
        }

        public boolean exactlyOnce(String prefix, int count) {
            if (received.size() != count) return false;
            for (int i = 0; i < count; i++) {
                if (!Integer.valueOf(1).equals(received.get(text(prefix, i)))) return false;
            }
            return true;
        }

        @Override
        public String toString() {
            int copies = received.values().stream().mapToInt(Integer::intValue).sum();
            return "received " + received.size() + " texts in " + copies + " messages; sent " + sent + ", "
                    + sentDelivered + " of them delivered";
        }
    }

    public static Tally tally(NodeApi node, int contactId) throws Exception {
        Map<String, Integer> received = new HashMap<>();
        int sent = 0;
        int delivered = 0;
        for (JsonNode m : node.get("/v1/messages/" + contactId)) {
            if (m.get("local").asBoolean()) {
                sent++;
                if (m.get("delivered").asBoolean()) delivered++;
            } else {
                received.merge(m.get("text").asText(), 1, Integer::sum);
            }
        }
        return new Tally(received, sent, delivered);
    }

    /**
     * Polls the conversation until every one of {@code count} texts of the series arrived exactly once and all
     * {@code count} of ours were acknowledged, or the wait is over; returns the last tally either way.
     */
    public static Tally awaitComplete(NodeApi node, int contactId, String receivedPrefix, int count, long waitMs)
            throws Exception {
        long deadline = System.currentTimeMillis() + waitMs;
        Tally tally = tally(node, contactId);
        while (!tally.complete(receivedPrefix, count, count) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            tally = tally(node, contactId);
        }
        return tally;
    }
}
