package org.argmax.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts kept for signed-in pages: rendered once per key and version, bounded in memory, the least recently used dropped first. */
class FragmentCacheTest {
    private record Key(long user, String part) {
    }

    @Test
    void aPartIsRenderedOncePerKeyAndVersion() {
        FragmentCache cache = new FragmentCache(1 << 20);
        AtomicInteger renders = new AtomicInteger();
        Object version = new Object();
        byte[] first = cache.get(version, new Key(1, "a"), () -> "é" + renders.incrementAndGet());
        assertArrayEquals("é1".getBytes(StandardCharsets.UTF_8), first);
        assertArrayEquals(first, cache.get(version, new Key(1, "a"), () -> "é" + renders.incrementAndGet()), "an equal key: kept");
        cache.get(version, new Key(2, "a"), () -> "é" + renders.incrementAndGet());
        assertEquals(2, renders.get(), "another learner: rendered for them");
        Object next = new Object();
        assertArrayEquals("é3".getBytes(StandardCharsets.UTF_8), cache.get(next, new Key(1, "a"), () -> "é" + renders.incrementAndGet()),
                "a new course snapshot: rendered again");
        assertEquals(1, cache.size(), "the old snapshot's parts are dropped");
    }

    @Test
    void itStaysWithinItsBoundAndKeepsWhatIsUsed() {
        long bound = 64 * 1024;
        FragmentCache cache = new FragmentCache(bound);
        Object version = new Object();
        String part = "x".repeat(1000);
        AtomicInteger renders = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            cache.get(version, new Key(i, "p"), () -> part + renders.incrementAndGet());
            cache.get(version, new Key(-1, "hot"), () -> "hot" + renders.incrementAndGet()); // used all the time
            assertTrue(cache.bytes() <= bound, "within the bound after " + i + " parts: " + cache.bytes());
        }
        assertEquals(1001, renders.get(), "the part used all along was never dropped");
        assertTrue(cache.size() > 30, "most of the bound is used: " + cache.size() + " parts");
        int before = renders.get();
        cache.get(version, new Key(999, "p"), () -> part + renders.incrementAndGet());
        assertEquals(before, renders.get(), "the newest part is kept");
    }

    @Test
    void aPartTooLargeForTheBoundIsSentButNotKept() {
        FragmentCache cache = new FragmentCache(8 * 1024);
        byte[] big = cache.get(new Object(), new Key(1, "big"), () -> "y".repeat(4000));
        assertEquals(4000, big.length);
        assertEquals(0, cache.size());
    }
}
