package org.argmax.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered parts of signed-in pages (an exercise with one learner's data, their lesson status,
 * their account links), kept as UTF-8 bytes so an unchanged part is not rendered again. A part's
 * key is a record of everything it shows, read from the database on each request (the learner's
 * exercise state row, their lesson row, the session's CSRF token): a change made by any server is a
 * new key, and a key that names a session's token is only ever looked up by that session.
 * <p>Parts are kept for one version (the course snapshot) at a time and bounded in memory: past
 * {@code maxBytes} (bytes of the parts plus a fixed allowance per key), the least recently used
 * quarter is dropped.
 */
public final class FragmentCache {
    /** 16 MiB: thousands of exercise parts (a few KB each). */
    public static final long DEFAULT_BYTES = 16L << 20;
    /** What a key and its entry take besides the part's bytes, roughly (a record of ids, a token, a state). */
    static final int PER_ENTRY = 320;

    private static final class Entry {
        final byte[] bytes;
        volatile long used;

        Entry(byte[] bytes, long used) {
            this.bytes = bytes;
            this.used = used;
        }

        long size() {
            return bytes.length + PER_ENTRY;
        }
    }

    private record Generation(Object version, ConcurrentHashMap<Object, Entry> parts, AtomicLong bytes) {
    }

    private final long maxBytes;
    private volatile Generation generation = new Generation(new Object(), new ConcurrentHashMap<>(), new AtomicLong());

    public FragmentCache(long maxBytes) {
        if (maxBytes < 1024) throw new IllegalArgumentException("a fragment cache needs at least 1 KiB, not " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The part {@code key} of {@code version} (compared by identity), rendered with {@code render} when it is not kept. */
    public byte[] get(Object version, Object key, Supplier<String> render) {
        Generation g = generation;
        if (g.version() != version) {
            g = new Generation(version, new ConcurrentHashMap<>(), new AtomicLong());
            generation = g;
        }
        long now = System.nanoTime();
        Entry e = g.parts().get(key);
        if (e != null) {
            e.used = now;
            return e.bytes;
        }
        byte[] made = render.get().getBytes(StandardCharsets.UTF_8);
        Entry fresh = new Entry(made, now);
        if (fresh.size() * 8 > maxBytes) return made; // one part would crowd out the others
        if (g.parts().putIfAbsent(key, fresh) == null && g.bytes().addAndGet(fresh.size()) > maxBytes) evict(g);
        return made;
    }

    /** Drops the least recently used parts until a quarter of the budget is free. */
    private synchronized void evict(Generation g) {
        if (g.bytes().get() <= maxBytes) return;
        List<Map.Entry<Object, Entry>> all = new ArrayList<>(g.parts().entrySet());
        all.sort(Comparator.comparingLong(x -> x.getValue().used));
        long target = maxBytes - maxBytes / 4;
        for (Map.Entry<Object, Entry> x : all) {
            if (g.bytes().get() <= target) break;
            if (g.parts().remove(x.getKey(), x.getValue())) g.bytes().addAndGet(-x.getValue().size());
        }
    }

    /** How many parts are kept now. */
    public int size() {
        return generation.parts().size();
    }

    /** What the kept parts take, as counted against the bound. */
    public long bytes() {
        return generation.bytes().get();
    }
}
