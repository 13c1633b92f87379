package org.argmax.api;

import io.javalin.http.HttpResponseException;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fits of {@code POST /api/estimate} run here, not on the web server's request threads: at most
 * {@code threads} at a time (default: the cores less one, at least one, so a flood of fits leaves a
 * core for pages), and at most {@code waiting} more queued. A request beyond that is answered at
 * once with 503 and {@code Retry-After: 1}, which also frees its request thread at once.
 */
public final class FitPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final int threads;

    public FitPool() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    public FitPool(int threads) {
        this(threads, 4 * threads);
    }

    public FitPool(int threads, int waiting) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(waiting), r -> {
            Thread t = new Thread(r, "fit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code fit} in the pool and waits for it; 503 when the pool and its queue are full. */
    public <T> T run(Callable<T> fit) {
        Future<T> future;
        try {
            future = executor.submit(fit);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** 503: every fit thread is busy and the queue is full. */
    public static final class Busy extends HttpResponseException {
        Busy() {
            super(503, "The server is busy with other estimates; try again in a second.");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
