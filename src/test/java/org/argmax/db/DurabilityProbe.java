package org.argmax.db;

import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link DatabaseDurabilityTest} through the app's {@link Database}, until it
 * is killed. {@code busy}: inserts rows with auto-commit as fast as it can and prints each id once
 * its commit returned. {@code idle MS}: commits row 1, sits idle for MS milliseconds (as a server does
 * between requests), commits row 2, prints "2" and waits. {@code churn}: like busy, but each
 * transaction also deletes the row 1,000 ids back, so the live data stays small while the file
 * grows (as updates of progress and state rows do), for the compaction tests.
 */
public final class DurabilityProbe {
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("churn")) {
            churn(new Database(args[0], "sa", "").dataSource());
            return;
        }
        try (Database db = new Database(args[0], "sa", "");
             Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY)");
            System.out.println("ready");
            System.out.flush();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe (id) VALUES (?)")) {
                if (args.length > 1 && args[1].equals("idle")) {
                    insert.setInt(1, 1);
                    insert.executeUpdate();
                    Thread.sleep(Long.parseLong(args[2]));
                    insert.setInt(1, 2);
                    insert.executeUpdate();
                    System.out.println(2);
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
                for (int id = 1; ; id++) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }

    /**
     * Each transaction, on a connection of its own from the pool (as a request gets one, so the
     * compaction can take them all back), inserts the next id with 200 characters and deletes the
     * id 1,000 back; prints "ready N" (N: the highest id found at start), then each id after its commit.
     */
    static void churn(javax.sql.DataSource db) throws Exception {
        int start;
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY, pad VARCHAR(300))");
            try (var rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM probe")) {
                rs.next();
                start = rs.getInt(1);
            }
        }
        System.out.println("ready " + start);
        System.out.flush();
        String pad = "x".repeat(200);
        for (int id = start + 1; ; id++) {
            try (Connection c = db.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO probe (id, pad) VALUES (?, ?)");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM probe WHERE id = ?")) {
                c.setAutoCommit(false);
                insert.setInt(1, id);
                insert.setString(2, pad);
                insert.executeUpdate();
                delete.setInt(1, id - 1000);
                delete.executeUpdate();
                c.commit();
            }
            System.out.println(id);
            System.out.flush();
        }
    }
}
