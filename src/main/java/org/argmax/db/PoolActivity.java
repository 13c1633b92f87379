package org.argmax.db;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

/**
 * When a connection was last taken from the pool or given back, so that {@link H2Compaction} can
 * wait for a lull in the requests. Hikari calls it on every borrow and every return (as its
 * metrics tracker); one volatile write each.
 */
final class PoolActivity implements MetricsTrackerFactory, IMetricsTracker {
    private volatile long last = System.nanoTime();

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return this;
    }

    @Override
    public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        last = System.nanoTime();
    }

    @Override
    public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
        last = System.nanoTime();
    }

    /** When ({@link System#nanoTime}) a connection was last taken or given back. */
    long last() {
        return last;
    }
}
