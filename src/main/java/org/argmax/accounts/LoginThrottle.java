package org.argmax.accounts;

import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Slows down password guessing: after 5 failures for one account, or 20 from one address, within
 * 15 minutes, sign-in is refused until the window has passed. Stored in the database, so it holds
 * across restarts and servers.
 */
public final class LoginThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final DataSource db;

    public LoginThrottle(DataSource db) {
        this.db = db;
    }

    /** Minutes to wait, or 0 when this sign-in may be tried. */
    public long minutesToWait(String username, String address) {
        long user = waitFor(key("user:", username), PER_ACCOUNT);
        long addr = waitFor(key("address:", address), PER_ADDRESS);
        return Math.max(user, addr);
    }

    public void recordFailure(String username, String address) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO login_failures (failure_key, failed_at) VALUES (?, ?), (?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            s.setString(1, key("user:", username));
            s.setObject(2, now);
            s.setString(3, key("address:", address));
            s.setObject(4, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record the failed sign-in", e);
        }
    }

    public void clear(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM login_failures WHERE failure_key = ? OR failed_at < ?")) {
            s.setString(1, key("user:", username));
            s.setObject(2, OffsetDateTime.now().minus(WINDOW));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot clear failed sign-ins", e);
        }
    }

    /** The column holds 250 characters; anything typed into the username box must fit. */
    private static String key(String kind, String value) {
        String v = value == null ? "" : value;
        return kind + (v.length() > 200 ? v.substring(0, 200) : v);
    }

    private long waitFor(String key, int limit) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE failure_key = ? AND failed_at > ?")) {
            s.setString(1, key);
            s.setObject(2, OffsetDateTime.now().minus(WINDOW));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) < limit) return 0;
                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                long minutes = Duration.between(OffsetDateTime.now(), oldest.plus(WINDOW)).toMinutes() + 1;
                return Math.max(1, minutes);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot check failed sign-ins", e);
        }
    }
}
