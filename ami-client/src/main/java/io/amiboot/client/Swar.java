package io.amiboot.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte search eight bytes at a time (SWAR, "SIMD within a register"), shared by the frame decoder and
 * {@link AmiHeaders}: read a word, XOR it with the byte to find repeated, and mark the bytes that became zero.
 */
final class Swar {

    /** The line feed, repeated in every byte of a word. */
    static final long LINE_FEEDS = 0x0a0a0a0a0a0a0a0aL;

    /** The colon, repeated in every byte of a word. */
    static final long COLONS = 0x3a3a3a3a3a3a3a3aL;

    /** Reads eight bytes of a {@code byte[]} as one little-endian long: byte {@code i} is bits {@code 8i..8i+7}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Swar() {
    }

    /** The eight bytes of {@code data} from {@code index}, the first in the lowest bits. */
    static long word(byte[] data, int index) {
        return (long) LONGS.get(data, index);
    }

    /** A high bit in each byte of {@code word} that is zero, and nothing else (exact, no false positives). */
    static long zeroBytes(long word) {
        return ~((word & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL | word | 0x7f7f7f7f7f7f7f7fL);
    }

    /** The index, within its word, of the byte a {@link #zeroBytes} mark stands for. */
    static int byteIndex(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }
}
