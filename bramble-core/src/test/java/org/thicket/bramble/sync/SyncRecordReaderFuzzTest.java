package org.thicket.bramble.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.sync.api.SyncRecord;
import org.thicket.bramble.sync.api.SyncRecordReader;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.FormatException;

/**
 * Hostile input: whatever the bytes, reading yields records, a clean end, or a FormatException, never another
 * exception. Seeded, so a failure names an input that can be replayed.
 */
class SyncRecordReaderFuzzTest {

    private static final long SEED = 0x5ec0_0001L;
    private static final int RANDOM_INPUTS = 3000;
    private static final int MUTATIONS_PER_VECTOR = 200;

    private final SyncRecordReaderFactory readers =
            SyncTestInjector.create().getInstance(SyncRecordReaderFactory.class);

    @Test
    void randomBytesAfterAPlausibleHeader() {
        Random random = new Random(SEED);
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] input = new byte[random.nextInt(200)];
            random.nextBytes(input);
            // Bias towards version 0 and the known types, or nearly everything dies at the version byte.
            if (input.length > 1 && random.nextBoolean()) {
                input[0] = 0;
                input[1] = (byte) random.nextInt(8);
            }
            readAll(input, "random input " + i);
        }
    }

    @Test
    void mutatedVectors() {
        Random random = new Random(SEED + 1);
        List<JsonNode> vectors = Vectors.load("bsp").stream()
                .filter(v -> v.has("encodedHex") && v.get("encodedHex").asText().length() < 4096).toList();
        for (JsonNode v : vectors) {
            byte[] original = Vectors.hex(v, "encodedHex");
            for (int i = 0; i < MUTATIONS_PER_VECTOR; i++) {
                byte[] input = original.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                }
                readAll(input, v.get("name").asText() + " mutation " + i);
            }
        }
    }

    /** Each record costs at least four input bytes, so the loop ends within input.length / 4 + 1 reads. */
    private void readAll(byte[] input, String name) {
        SyncRecordReader reader = readers.createRecordReader(new ByteArrayInputStream(input));
        try {
            for (int reads = 0; reads <= input.length / 4 + 1; reads++) {
                SyncRecord record = reader.readRecord();
                if (record == null) return;
            }
            throw new AssertionError(name + ": more records than the input can hold");
        } catch (FormatException expected) {
            assertThat(expected.getMessage()).as(name).isNotBlank();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(name + " threw " + e, e);
        }
    }
}
