package org.argmax.db;

import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link DatabaseDurabilityTest}: inserts rows with auto-commit through the
 * app's {@link Database} and prints each id once its commit returned, until it is killed.
 */
public final class DurabilityProbe {
    public static void main(String[] args) throws Exception {
        try (Database db = new Database(args[0], "sa", "");
             Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY)");
            System.out.println("ready");
            System.out.flush();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe (id) VALUES (?)")) {
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
