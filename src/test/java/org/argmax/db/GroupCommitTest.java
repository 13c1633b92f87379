package org.argmax.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group-commit writer on a real H2 file: batching, isolation of a failing unit, refusal when full, and draining on close. */
class GroupCommitTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        db = new Database("jdbc:h2:" + dir.resolve("group").toAbsolutePath(), "sa", "");
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Transactions.Work<Integer> insert(int id) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
                s.setInt(1, id);
                s.executeUpdate();
            }
            return id;
        };
    }

    /** A unit that keeps the writer inside it (saying so on {@code writerBusy}) until {@code release}, then does {@code then}. */
    private static Transactions.Work<Integer> holdingTheWriter(CountDownLatch writerBusy, CountDownLatch release, Transactions.Work<Integer> then) {
        return c -> {
            writerBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return then.run(c);
        };
    }

    private List<Integer> stored() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    @Test
    void manyWritersShareCommitsAndEachGetsItsOwnResultOrFailure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try (GroupCommit writes = new GroupCommit(db.dataSource(), "test-writer", 64, 1000)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int id = i;
                // every tenth unit inserts a key another unit inserts too: it fails alone, the others of its batch are stored
                done.add(pool.submit(() -> writes.run("insert", insert(id % 10 == 9 ? id - 1 : id))));
            }
            int ok = 0, failed = 0;
            for (Future<Integer> f : done) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof DataAccessException, "a unit's SQL failure is its own: " + e.getCause());
                    failed++;
                }
            }
            assertEquals(360, ok);
            assertEquals(40, failed, "each duplicate key fails, and only it");
            assertEquals(360, stored().size(), "every unit that returned is stored, no failed one is");
            GroupCommit.Counts counts = writes.counts();
            assertEquals(400, counts.units());
            assertTrue(counts.commits() < counts.units(), "32 writers at once share commits: " + counts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndCloseCommitsWhatWaits() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        GroupCommit writes = new GroupCommit(db.dataSource(), "test-writer", 64, 2);
        try {
            // the writer is held inside a unit; two more wait (the limit); the next is refused without waiting
            Future<Integer> holding = pool.submit(() -> writes.run("hold", holdingTheWriter(writerBusy, release, insert(1))));
            assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
            Future<Integer> second = pool.submit(() -> writes.run("insert", insert(2)));
            Future<Integer> third = pool.submit(() -> writes.run("insert", insert(3)));
            awaitWaiting(writes, 2);
            GroupCommit.Overloaded refused = assertThrows(GroupCommit.Overloaded.class, () -> writes.run("insert", insert(4)));
            assertTrue(refused != null && refused.getMessage().contains("busy"), "refused with a message: " + refused);
            release.countDown();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(writes::close);
            assertEquals(1, holding.get(10, TimeUnit.SECONDS));
            assertEquals(2, second.get(10, TimeUnit.SECONDS));
            assertEquals(3, third.get(10, TimeUnit.SECONDS));
            closing.get(15, TimeUnit.SECONDS);
            assertEquals(List.of(1, 2, 3), stored(), "what was accepted is stored, the refused unit is not");
            assertThrows(GroupCommit.Overloaded.class, () -> writes.run("late", insert(5)), "after close, refused");
        } finally {
            release.countDown();
            writes.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aLoneWriteIsCommittedAtOnceWithoutLingering() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // a linger of a minute: had the first write after an idle spell waited for company, get() would time out
        try (GroupCommit writes = new GroupCommit(db.dataSource(), "test-writer", 64, 10, TimeUnit.MINUTES.toNanos(1))) {
            assertEquals(1, pool.submit(() -> writes.run("insert", insert(1))).get(20, TimeUnit.SECONDS));
            assertEquals(new GroupCommit.Counts(1, 1, 0), writes.counts());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBusyWriterLingersForTheNextUnitToShareItsCommit() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // batches of two at most, so that a full batch ends the linger; the linger is long, so this cannot depend on timing
        GroupCommit writes = new GroupCommit(db.dataSource(), "test-writer", 2, 10, TimeUnit.MINUTES.toNanos(1));
        try {
            Future<Integer> first = pool.submit(() -> writes.run("hold", holdingTheWriter(writerBusy, release, insert(1))));
            assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
            Future<Integer> second = pool.submit(() -> writes.run("insert", insert(2)));
            awaitWaiting(writes, 1);
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS)); // committed alone: the writer was idle when it came
            // the writer took the second unit right after that commit, so it is busy and waits for company
            awaitWaiting(writes, 0);
            Thread.sleep(200);
            assertTrue(!second.isDone(), "the second unit waits for another to share its commit");
            Future<Integer> third = pool.submit(() -> writes.run("insert", insert(3)));
            assertEquals(2, second.get(20, TimeUnit.SECONDS));
            assertEquals(3, third.get(20, TimeUnit.SECONDS));
            assertEquals(new GroupCommit.Counts(3, 2, 0), writes.counts(), "the second and third units shared one commit");
            assertEquals(List.of(1, 2, 3), stored());
        } finally {
            release.countDown();
            writes.close();
            pool.shutdownNow();
        }
    }

    @Test
    void closingWhileTheWriterLingersCommitsWhatItHoldsAtOnce() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        GroupCommit writes = new GroupCommit(db.dataSource(), "test-writer", 64, 10, TimeUnit.MINUTES.toNanos(1));
        try {
            // the second unit waits while the writer is held in the first; after that commit the writer takes it, busy, and lingers
            Future<Integer> first = pool.submit(() -> writes.run("hold", holdingTheWriter(writerBusy, release, insert(1))));
            assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
            Future<Integer> lingering = pool.submit(() -> writes.run("insert", insert(2)));
            awaitWaiting(writes, 1);
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            awaitWaiting(writes, 0);
            long closing = System.nanoTime();
            writes.close();
            // close() waits up to 10 s for the writer before it interrupts it: a writer that sat out its minute of linger would
            // take all of them; one that notices the close commits at once
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
            assertTrue(closeMillis < 5_000, "close() returned after " + closeMillis + " ms");
            assertEquals(2, lingering.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(1, 2), stored());
        } finally {
            release.countDown();
            writes.close();
            pool.shutdownNow();
        }
    }

    /** Waits (at most 10 s) until exactly {@code units} wait for the writer. */
    private static void awaitWaiting(GroupCommit writes, int units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writes.waiting() != units && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(units, writes.waiting());
    }
}
