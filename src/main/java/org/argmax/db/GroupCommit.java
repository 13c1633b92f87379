package org.argmax.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short write transactions of many requests, run by one writer thread and committed together: the
 * writer takes every unit of work waiting, runs each on one connection behind a savepoint of its own,
 * and commits them all at once. A commit is the expensive part of a small write (embedded H2 writes a
 * new chunk of pages to its file; PostgreSQL flushes its log), so under load one commit carries many
 * answers, while a lone request is committed at once, as before.
 *
 * <p>What each caller sees is what its own transaction would have given: its result once the commit
 * that holds it is done (never before: an answer acknowledged is an answer stored), or its own
 * exception, with its work rolled back to its savepoint and the others unaffected. A failed commit
 * fails every unit of its batch, none of which was stored.
 *
 * <p>Under a steady stream of writes (the last commit ended less than {@link #BUSY_NANOS}, or the linger if longer, ago) the writer
 * lingers up to {@code lingerNanos} after the first unit of a batch for more to join it. Without that, 400
 * answers a second arrive about one per commit (2.5 ms apart, a commit taking well under 1 ms), and every
 * answer paid for a commit of its own: for embedded H2 a new chunk, with new copies of the B-tree pages
 * it changed and their parents, which is most of what an answer allocates and most of what survives a
 * young collection (H2 keeps the new pages in its cache for about a second). A lone write, or the first
 * after a pause, is committed at once as before.
 *
 * <p>Admission control: at most {@code maxWaiting} units wait; one more is refused at once with
 * {@link Overloaded} (503 and {@code Retry-After: 1}), so a flood of requests gets fast refusals
 * instead of a queue that grows until the heap is full.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Unit<T>(Transactions.Work<T> work, CompletableFuture<T> done) {
    }

    /** The writer counts as busy while the last commit ended less than this long ago (a stream of 100 or more writes a second). */
    static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final DataSource db;
    private final BlockingQueue<Unit<?>> waiting;
    private final int maxBatch;
    private final long lingerNanos;
    private long lastCommitEnded = Long.MIN_VALUE / 2; // only the writer thread reads and writes it
    private final Thread writer;
    private volatile boolean open = true;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private volatile long lastRefusalLogged;

    public GroupCommit(DataSource db, String name, int maxBatch, int maxWaiting) {
        this(db, name, maxBatch, maxWaiting, 0);
    }

    /** {@code lingerNanos}: how long a busy writer waits after a batch's first unit for others to join it (0: never). */
    public GroupCommit(DataSource db, String name, int maxBatch, int maxWaiting, long lingerNanos) {
        if (maxBatch < 1 || maxWaiting < 1) throw new IllegalArgumentException("maxBatch and maxWaiting must be at least 1");
        if (lingerNanos < 0) throw new IllegalArgumentException("lingerNanos must not be negative");
        this.db = db;
        this.maxBatch = maxBatch;
        this.lingerNanos = lingerNanos;
        this.waiting = new ArrayBlockingQueue<>(maxWaiting);
        this.writer = new Thread(this::writeLoop, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code work} in the next group transaction and waits until it is committed. Throws the
     * work's own runtime exception (nothing of it stored), {@link DataAccessException} when the
     * database failed, {@link Overloaded} when too many units are waiting already.
     */
    public <T> T run(String doing, Transactions.Work<T> work) {
        if (!open) throw new Overloaded("The server is shutting down; nothing was stored. Try again in a moment.");
        CompletableFuture<T> done = new CompletableFuture<>();
        if (!waiting.offer(new Unit<>(work, done))) {
            refused.incrementAndGet();
            logRefusals();
            throw new Overloaded("The server is busy: " + waiting.size() + " answers are waiting to be stored, so yours was not stored. "
                    + "Try again in a second.");
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the unit may still be committed: the caller gives no answer either way, like a dropped connection
            throw new DataAccessException(doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) throw new DataAccessException(doing, sql);
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new DataAccessException(doing, cause);
        }
    }

    /** How many units were committed, in how many commits, and how many were refused; for the logs and the benchmarks. */
    public record Counts(long units, long commits, long refused) {
    }

    /** Units waiting for the writer now. */
    public int waiting() {
        return waiting.size();
    }

    public Counts counts() {
        return new Counts(units.get(), commits.get(), refused.get());
    }

    /** At most one line a minute: under a flood, one per refusal would cost more than the refusals. */
    private void logRefusals() {
        long now = System.nanoTime();
        long last = lastRefusalLogged;
        if (now - last > TimeUnit.MINUTES.toNanos(1) || last == 0) {
            lastRefusalLogged = now;
            log.warn("Overloaded: {} writes waiting, {} refused with 503 so far", waiting.size(), refused.get());
        }
    }

    private void writeLoop() {
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        while (open || !waiting.isEmpty()) {
            try {
                Unit<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                boolean busy = lingerNanos > 0 && System.nanoTime() - lastCommitEnded < Math.max(BUSY_NANOS, lingerNanos);
                boolean interrupted = busy && !gatherMore(batch);
                commit(batch);
                lastCommitEnded = System.nanoTime();
                if (interrupted) Thread.currentThread().interrupt(); // after the commit: an interrupt closes H2's file channel
            } catch (InterruptedException e) {
                if (!open) break;
            } catch (RuntimeException | Error e) { // never let the writer die: fail the batch and go on
                for (Unit<?> u : batch) u.done.completeExceptionally(e);
                log.error("Group commit failed unexpectedly", e);
            } finally {
                batch.clear();
            }
        }
        Overloaded closing = new Overloaded("The server is shutting down; nothing was stored. Try again in a moment.");
        for (Unit<?> u; (u = waiting.poll()) != null; ) u.done.completeExceptionally(closing);
    }

    /**
     * Adds units that arrive within {@code lingerNanos} of now, up to {@code maxBatch}. False when interrupted
     * meanwhile: the batch taken so far is committed all the same (its callers are waiting for it).
     */
    private boolean gatherMore(List<Unit<?>> batch) {
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < maxBatch && open) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return true;
            Unit<?> next;
            try {
                next = waiting.poll(Math.min(left, CLOSE_CHECK_NANOS), TimeUnit.NANOSECONDS); // in slices: close() need not wait out a linger
            } catch (InterruptedException e) {
                return false;
            }
            if (next == null) continue;
            batch.add(next);
            waiting.drainTo(batch, maxBatch - batch.size());
        }
        return true;
    }

    /** Runs the batch in one transaction; each unit's outcome is completed only after the commit (or the failure). */
    private void commit(List<Unit<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try (Connection c = db.getConnection()) {
            Transactions.run(c, conn -> {
                for (int i = 0; i < batch.size(); i++) {
                    for (int attempt = 1; ; attempt++) {
                        // a savepoint only when another unit shares the transaction: alone, a failure rolls back everything anyway
                        Savepoint before = batch.size() > 1 ? conn.setSavepoint() : null;
                        try {
                            results[i] = batch.get(i).work.run(conn);
                            failures[i] = null;
                            break;
                        } catch (SQLException | RuntimeException e) {
                            failures[i] = e;
                            if (before != null) conn.rollback(before); // PostgreSQL needs this after an error to go on
                            else conn.rollback();
                            // a deadlock or lock time-out with another server's transaction: tried again, as a lone transaction would be
                            if (!Transactions.transientFailure(e) || attempt >= 3) break;
                        }
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) { // no connection, or the commit failed: nothing of the batch is stored
            for (Unit<?> u : batch) u.done.completeExceptionally(e);
            return;
        }
        commits.incrementAndGet();
        units.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results[i], failures[i]);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result, Throwable failure) {
        if (failure != null) unit.done.completeExceptionally(failure);
        else unit.done.complete((T) result);
    }

    /** Stops taking work, commits what is waiting, and waits (at most 10 s) for the writer to finish. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) writer.interrupt();
        Counts c = counts();
        if (c.units() > 0 || c.refused() > 0) log.info("{}: {} writes stored in {} commits, {} refused as overload", writer.getName(), c.units(), c.commits(), c.refused());
    }

    /** Too many writes are waiting, or the server is stopping: nothing was stored; 503 with {@code Retry-After: 1}. */
    public static final class Overloaded extends RuntimeException {
        public Overloaded(String message) {
            super(message);
        }
    }
}
