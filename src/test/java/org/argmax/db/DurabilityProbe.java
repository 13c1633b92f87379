package org.argmax.db;

import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link DatabaseDurabilityTest} through the app's {@link Database}, until it
 * is killed. {@code busy}: inserts rows with auto-commit as fast as it can and prints each id once
 * its commit returned. {@code idle MS}: commits row 1, sits idle for MS milliseconds (as a server does
 * between requests), commits row 2, prints "2" and waits.
 */
public final class DurabilityProbe {
    public static void main(String[] args) throws Exception {
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
}
