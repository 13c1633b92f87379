package org.argmax.estimation;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;

/**
 * The one parallel pattern of the core: a pass over n rows is cut into {@value #CHUNKS} fixed
 * ranges (one range below {@value #THRESHOLD} rows, run on the calling thread), each range computes
 * a partial result, and the partial results are merged in range order. The ranges depend only on n,
 * so the results are the same bit for bit with any number of threads.
 * <p>
 * The ranges run on the core's own pool, not the JVM's common pool: {@link #THREADS} daemon threads,
 * min(4, available processors), so that fits from concurrent requests queue for at most that many
 * cores instead of competing with the web server's threads for all of them. The calling thread waits
 * for its pass. The pool never adds threads (a range never blocks).
 */
final class Chunked {
    static final int THRESHOLD = 20_000;
    static final int CHUNKS = 16;
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final ForkJoinPool POOL = pool();
    private static final ThreadLocal<Boolean> INLINE = ThreadLocal.withInitial(() -> false);

    private Chunked() {
    }

    /** A partial result for the range [from, to) of chunk {@code chunk}. */
    @FunctionalInterface
    interface Range<T> {
        T compute(int chunk, int from, int to);
    }

    /** The number of chunks of a pass over n rows. */
    static int chunks(int rows) {
        return rows < THRESHOLD ? 1 : CHUNKS;
    }

    /** Splits the n rows into {@link #chunks} ranges, computes each, merges them in order. */
    static <T> T reduce(int n, Range<T> range, BinaryOperator<T> merge) {
        return reduce(n, chunks(n), range, merge);
    }

    /**
     * Splits [0, n) into {@code chunks} ranges of ⌈n/chunks⌉ (the last ones shorter or empty),
     * computes them (on the pool when there are several) and returns merge(…merge(r₀, r₁)…, r_last).
     */
    @SuppressWarnings("unchecked")
    static <T> T reduce(int n, int chunks, Range<T> range, BinaryOperator<T> merge) {
        int size = (n + chunks - 1) / chunks;
        Object[] parts = new Object[chunks];
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        for (int ch = 0; ch < chunks; ch++) {
            int c = ch, from = Math.min(n, ch * size), to = Math.min(n, from + size);
            tasks[ch] = ForkJoinTask.adapt(() -> {
                parts[c] = range.compute(c, from, to);
            });
        }
        if (chunks == 1 || INLINE.get()) {
            for (ForkJoinTask<?> task : tasks) task.invoke();
        } else {
            POOL.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
        }
        T total = (T) parts[0];
        for (int ch = 1; ch < chunks; ch++) total = merge.apply(total, (T) parts[ch]);
        return total;
    }

    /** Runs {@code body} with every chunk of its passes on the calling thread, in order (for tests). */
    static <T> T inline(java.util.function.Supplier<T> body) {
        INLINE.set(true);
        try {
            return body.get();
        } finally {
            INLINE.set(false);
        }
    }

    private static ForkJoinPool pool() {
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("argmax-fit-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // parallelism = maximum pool size = THREADS; saturate → run on without a compensating thread
        return new ForkJoinPool(THREADS, factory, null, false, 0, THREADS, 1, p -> true, 60, TimeUnit.SECONDS);
    }
}
