package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.messenger.messaging.api.Attachment;
import org.thicket.messenger.messaging.api.MessagingBody;
import org.thicket.messenger.messaging.api.PrivateMessage;

/**
 * Hostile input: mutations of valid bodies only ever validate or throw FormatException (any other exception
 * fails the test), and whatever validates re-encodes to a body that parses to the same value.
 */
class MessagingFuzzTest {

    private static final int INPUTS = 10_000;
    /** Bytes that steer mutations into BDF structure: type codes, small lengths and integers, END. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x0a, 0x10, 0x11, 0x20, 0x21, 0x22, 0x24, 0x28,
        0x41, 0x42, 0x51, 0x52, 0x60, 0x70, 0x7f, 0x80, 0xff};

    private final Random random = new Random(0x6d73_67L);
    private final SettableClock clock = new SettableClock();
    private final PrivateMessageValidatorImpl validator = MessagingFixture.validator(clock);
    private final PrivateMessageFactoryImpl factory = MessagingFixture.factory();

    @Test
    void mutatedBodiesValidateOrThrowFormatException() throws FormatException {
        List<byte[]> seeds = Vectors.load("messaging").stream()
                .filter(v -> v.get("result").asText().equals("accept")).map(MessagingVectorsTest::body).toList();
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), 1 + random.nextInt(3));
            if (acceptedAndRoundTrips(body)) accepted++;
        }
        // Many mutations must get past the BDF reader into the messaging rules, and some all the way through.
        assertThat(accepted).isBetween(INPUTS / 50, INPUTS - INPUTS / 4);
    }

    private boolean acceptedAndRoundTrips(byte[] body) throws FormatException {
        MessagingBody value;
        try {
            value = validator.validate(clock.currentTimeMillis(), body).body();
        } catch (FormatException e) {
            return false;
        }
        byte[] reencoded = value instanceof PrivateMessage m
                ? factory.createPrivateMessageBody(m) : factory.createAttachmentBody((Attachment) value);
        assertThat(validator.parse(reencoded)).as(Bytes.toHex(body)).isEqualTo(value);
        return true;
    }

    private byte[] mutate(byte[] seed, int times) {
        byte[] body = seed;
        for (int i = 0; i < times; i++) body = mutateOnce(body);
        return body;
    }

    /** One byte replaced, removed or inserted, or the body cut short or extended. */
    private byte[] mutateOnce(byte[] body) {
        int at = random.nextInt(body.length + 1);
        return switch (random.nextInt(5)) {
            case 0 -> {
                if (at == body.length) yield body;
                byte[] copy = body.clone();
                copy[at] = randomByte();
                yield copy;
            }
            case 1 -> at == body.length ? body : Bytes.concat(Arrays.copyOfRange(body, 0, at),
                    Arrays.copyOfRange(body, at + 1, body.length));
            case 2 -> Bytes.concat(Arrays.copyOfRange(body, 0, at), new byte[] {randomByte()},
                    Arrays.copyOfRange(body, at, body.length));
            case 3 -> Arrays.copyOfRange(body, 0, at);
            default -> Bytes.concat(body, new byte[] {randomByte()});
        };
    }

    private byte randomByte() {
        return (byte) (random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextInt(256));
    }
}
