package org.thicket.bramble.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

/**
 * Hostile input: whatever the bytes, decoding either returns a value or throws FormatException, and a value it
 * returns re-encodes to exactly the input (so no two encodings decode to the same value).
 */
class BdfFuzzTest {

    private static final int INPUTS = 20_000;
    private static final int MAX_INPUT_LENGTH = 40;
    /** Type codes and lengths that make random bytes reach past the first byte. */
    private static final int[] INTERESTING = {
        0x00, 0x10, 0x11, 0x21, 0x22, 0x24, 0x28, 0x38, 0x41, 0x42, 0x44, 0x51, 0x52, 0x54, 0x60, 0x70, 0x80,
        0x01, 0x02, 0x7f, 0xff, 0x61, 0xc3, 0xa9, 0xed
    };

    private final BdfCodec codec = new BdfCodecImpl(BdfCodec.DEFAULT_MAX_LENGTH);
    private final Random random = new Random(0x5eed_bdfL);

    @Test
    void decodeReturnsACanonicalValueOrThrowsFormatException() {
        List<byte[]> seeds = Vectors.load("bdf-encode").stream().map(BdfJson::encoding)
                .filter(encoding -> encoding.length <= 64).toList();
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = i % 2 == 0 ? randomInput() : mutated(seeds.get(random.nextInt(seeds.size())));
            if (decodesCanonically(input)) accepted++;
        }
        // The inputs must exercise acceptance, not only the first-byte checks.
        assertThat(accepted).isGreaterThan(INPUTS / 20);
    }

    private boolean decodesCanonically(byte[] input) {
        Object value;
        try {
            value = codec.decode(input);
        } catch (FormatException e) {
            return false;
        }
        assertThat(Bytes.toHex(codec.encode(value))).as("re-encoding of an accepted input").isEqualTo(Bytes.toHex(input));
        return true;
    }

    private byte[] randomInput() {
        byte[] input = new byte[random.nextInt(MAX_INPUT_LENGTH + 1)];
        for (int i = 0; i < input.length; i++) input[i] = randomByte();
        return input;
    }

    /** A valid encoding with one byte changed, dropped or inserted. */
    private byte[] mutated(byte[] seed) {
        return switch (random.nextInt(3)) {
            case 0 -> replaced(seed, random.nextInt(seed.length), randomByte());
            case 1 -> {
                int at = random.nextInt(seed.length);
                yield Bytes.concat(slice(seed, 0, at), slice(seed, at + 1, seed.length));
            }
            default -> {
                int at = random.nextInt(seed.length + 1);
                yield Bytes.concat(slice(seed, 0, at), new byte[] {randomByte()}, slice(seed, at, seed.length));
            }
        };
    }

    private byte randomByte() {
        return (byte) (random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextInt(256));
    }

    private static byte[] replaced(byte[] seed, int at, byte b) {
        byte[] copy = seed.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
