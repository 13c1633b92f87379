package org.argmax.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The sign-in and sign-up limits (README, "Accounts"), decided by the database so that they hold
 * for parallel requests on any number of servers sharing it:
 * <ul>
 * <li>per (account, address) pair: {@value #PAIR_FREE} failures, then a wait before each further
 *     attempt that starts at {@link #PAIR_FIRST_DELAY} and doubles up to {@link #PAIR_MAX_DELAY};
 *     forgotten {@link #PAIR_MEMORY} after the pair's last failure, and at a successful sign-in;</li>
 * <li>per address: {@value #PER_ADDRESS} failures in {@link #ADDRESS_WINDOW};</li>
 * <li>per account: {@value #PER_ACCOUNT} failures in {@link #ACCOUNT_WINDOW} (only many addresses
 *     together get there).</li>
 * </ul>
 * The last two do not apply to an account's known address, one it signed up or signed in from in
 * the last {@link #KNOWN_FOR}: a stranger's failures elsewhere, or behind the same address, cannot
 * lock the owner out there. Sign-ups: {@value #SIGNUPS_PER_ADDRESS} per address in {@link #SIGNUP_WINDOW}.
 * <p>
 * How: each key ("pair", "account", "address", "signup") has one row in {@code signin_limits}. An
 * attempt is reserved before the password is checked, in one transaction, by a conditional
 * {@code UPDATE ... SET attempts = attempts + 1 ... WHERE <key> AND <under the limit>} per key. The
 * UPDATE locks the row; a parallel UPDATE of the same row waits for the commit and then evaluates
 * its WHERE again on the committed row (PostgreSQL at READ COMMITTED, H2's MVStore likewise), so N
 * parallel requests reserve at most the limit. If any key refuses, the transaction rolls back and
 * nothing is counted. A reservation counts as a failure unless {@link #succeeded} gives it back.
 * Keys are always locked in the order pair, account, address, so two reservations cannot deadlock.
 * Every time that decides a rule is the database's CURRENT_TIMESTAMP, not this server's clock.
 */
public final class LoginThrottle {
    public static final int PAIR_FREE = 5;
    public static final Duration PAIR_FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration PAIR_MAX_DELAY = Duration.ofMinutes(60);
    public static final Duration PAIR_MEMORY = Duration.ofHours(24);
    public static final int PER_ADDRESS = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    public static final int PER_ACCOUNT = 50;
    public static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    public static final Duration KNOWN_FOR = Duration.ofDays(90);
    public static final int SIGNUPS_PER_ADDRESS = 20;
    public static final Duration SIGNUP_WINDOW = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String SIGN_IN = "sign-in attempts";
    private static final String SIGN_UP = "sign-ups from your address";

    /** What a sign-in reserved; {@code counted}: it also took a slot of the account and address limits. */
    public record Attempt(String username, String address, boolean counted) {
    }

    private record Key(String kind, String username, String address) {
    }

    /** A fixed window: at most {@code max} attempts from the first one until {@code window} has passed. */
    private record WindowLimit(String kind, int max, Duration window) {
        String reserve() {
            return """
                    UPDATE signin_limits SET
                        attempts = %s,
                        window_ends = CASE WHEN window_ends > CURRENT_TIMESTAMP THEN window_ends
                                           ELSE CURRENT_TIMESTAMP + %d * INTERVAL '1' SECOND END
                    WHERE kind = ? AND username = ? AND address = ?
                      AND (window_ends IS NULL OR window_ends <= CURRENT_TIMESTAMP OR attempts < %d)
                    """.formatted(NEW_COUNT, window.toSeconds(), max);
        }
    }

    /** The attempt count after this attempt: counting starts again once the window has ended. */
    private static final String NEW_COUNT = "CASE WHEN window_ends > CURRENT_TIMESTAMP THEN attempts + 1 ELSE 1 END";

    private static final WindowLimit ACCOUNT = new WindowLimit("account", PER_ACCOUNT, ACCOUNT_WINDOW);
    private static final WindowLimit ADDRESS = new WindowLimit("address", PER_ADDRESS, ADDRESS_WINDOW);
    private static final WindowLimit SIGNUP = new WindowLimit("signup", SIGNUPS_PER_ADDRESS, SIGNUP_WINDOW);

    /** The pair's growing delay: the attempt that makes the count PAIR_FREE + k blocks the next one for FIRST·2^k, at most MAX. */
    private static final String PAIR_RESERVE = """
            UPDATE signin_limits SET
                attempts = %1$s,
                blocked_until = CASE WHEN %1$s >= %2$d THEN CURRENT_TIMESTAMP
                    + LEAST(%4$d, %3$d * CAST(POWER(2, LEAST(%1$s - %2$d, 20)) AS INTEGER)) * INTERVAL '1' SECOND END,
                window_ends = CURRENT_TIMESTAMP + %5$d * INTERVAL '1' SECOND
            WHERE kind = ? AND username = ? AND address = ?
              AND (window_ends IS NULL OR window_ends <= CURRENT_TIMESTAMP OR blocked_until IS NULL OR blocked_until <= CURRENT_TIMESTAMP)
            """.formatted(NEW_COUNT, PAIR_FREE, PAIR_FIRST_DELAY.toSeconds(), PAIR_MAX_DELAY.toSeconds(), PAIR_MEMORY.toSeconds());

    private static final String PAIR_SUCCEEDED = """
            UPDATE signin_limits SET attempts = 0, blocked_until = NULL, known_until = CURRENT_TIMESTAMP + %d * INTERVAL '1' SECOND
            WHERE kind = ? AND username = ? AND address = ?
            """.formatted(KNOWN_FOR.toSeconds());

    /** Gives back the slot a successful sign-in took (only failures count). */
    private static final String REFUND = """
            UPDATE signin_limits SET attempts = attempts - 1
            WHERE kind = ? AND username = ? AND address = ? AND attempts > 0 AND window_ends > CURRENT_TIMESTAMP
            """;

    private final DataSource db;

    public LoginThrottle(DataSource db) {
        this.db = db;
    }

    /**
     * Reserves one sign-in attempt before the password is checked, or throws a 429 with the wait.
     * The attempt counts as a failure unless {@link #succeeded} is called with it.
     */
    public Attempt reserveSignIn(String username, String address) {
        String user = clip(username, 200);
        String addr = clip(address, 100);
        return inTransaction(c -> {
            Key pair = new Key("pair", user, addr);
            if (!change(c, PAIR_RESERVE, pair)) throw new Refused(pair, "blocked_until", SIGN_IN);
            boolean known = isKnown(c, pair);
            if (!known) {
                reserve(c, ACCOUNT, new Key(ACCOUNT.kind(), user, ""), SIGN_IN);
                reserve(c, ADDRESS, new Key(ADDRESS.kind(), "", addr), SIGN_IN);
            }
            return new Attempt(user, addr, !known);
        });
    }

    /** The password was right: the pair starts again from zero and is known; the other limits get their slot back. */
    public void succeeded(Attempt attempt) {
        inTransaction(c -> {
            change(c, PAIR_SUCCEEDED, new Key("pair", attempt.username(), attempt.address()));
            if (attempt.counted()) {
                update(c, REFUND, new Key(ACCOUNT.kind(), attempt.username(), ""));
                update(c, REFUND, new Key(ADDRESS.kind(), "", attempt.address()));
            }
            return null;
        });
        forgetStale();
    }

    /** Reserves one sign-up for this address (counted whether it succeeds or not), or throws a 429 with the wait. */
    public void reserveSignUp(String address) {
        String addr = clip(address, 100);
        inTransaction(c -> {
            reserve(c, SIGNUP, new Key(SIGNUP.kind(), "", addr), SIGN_UP);
            return null;
        });
    }

    /** The address a new account signed up from is its known address. */
    public void signedUp(String username, String address) {
        inTransaction(c -> change(c, PAIR_SUCCEEDED, new Key("pair", clip(username, 200), clip(address, 100))));
    }

    private static void reserve(Connection c, WindowLimit limit, Key key, String what) throws SQLException {
        if (!change(c, limit.reserve(), key)) throw new Refused(key, "window_ends", what);
    }

    /**
     * Runs {@code sql} (an UPDATE whose last three parameters are the key) on the key's row, first
     * creating the row empty if there is none. True when the row was changed, false when it exists
     * and the UPDATE's condition refused it.
     */
    private static boolean change(Connection c, String sql, Key key) throws SQLException {
        for (int i = 0; i < 10; i++) {
            if (update(c, sql, key) == 1) return true;
            if (exists(c, key)) return false;
            Savepoint before = c.setSavepoint();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO signin_limits (kind, username, address) VALUES (?, ?, ?)")) {
                bind(s, key);
                s.executeUpdate();
                c.releaseSavepoint(before);
            } catch (SQLException e) {
                // another transaction created it first (it waited for that one's commit): use that row
                if (!"23505".equals(e.getSQLState())) throw e;
                c.rollback(before);
            }
        }
        throw new SQLException("the sign-in limit row " + key + " could not be created");
    }

    private static int update(Connection c, String sql, Key key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, key);
            return s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, Key key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM signin_limits WHERE kind = ? AND username = ? AND address = ?")) {
            bind(s, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean isKnown(Connection c, Key pair) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM signin_limits WHERE kind = ? AND username = ? AND address = ? AND known_until > CURRENT_TIMESTAMP")) {
            bind(s, pair);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A key refused the attempt: the transaction is rolled back, then the wait is looked up. */
    private static final class Refused extends RuntimeException {
        final Key key;
        final String untilColumn;
        final String what;

        Refused(Key key, String untilColumn, String what) {
            super(null, null, false, false);
            this.key = key;
            this.untilColumn = untilColumn;
            this.what = what;
        }
    }

    /**
     * The 429 for a key that refused, with the wait until {@code untilColumn} by the database's
     * clock, read in a transaction of its own (CURRENT_TIMESTAMP is the time a transaction began,
     * and the refused one may have begun long before, waiting for the row).
     */
    private static AccountException tooMany(Connection c, Refused r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT CURRENT_TIMESTAMP, " + r.untilColumn + " FROM signin_limits WHERE kind = ? AND username = ? AND address = ?")) {
            bind(s, r.key);
            try (ResultSet rs = s.executeQuery()) {
                long seconds = 1;
                if (rs.next()) {
                    OffsetDateTime now = rs.getObject(1, OffsetDateTime.class);
                    OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
                    if (now != null && until != null) seconds = (Duration.between(now, until).toMillis() + 999) / 1000;
                }
                return AccountException.tooMany(r.what, seconds);
            }
        }
    }

    /** Rows nobody needs any more: windows that ended over a day ago and addresses no longer known. */
    private void forgetStale() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     DELETE FROM signin_limits
                     WHERE (window_ends IS NULL OR window_ends < CURRENT_TIMESTAMP - INTERVAL '1' DAY)
                       AND (known_until IS NULL OR known_until < CURRENT_TIMESTAMP)""")) {
            s.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not delete old sign-in limit rows (tried again at the next sign-in): {}", e.getMessage());
        }
    }

    private static void bind(PreparedStatement s, Key key) throws SQLException {
        s.setString(1, key.kind());
        s.setString(2, key.username());
        s.setString(3, key.address());
    }

    /** The columns hold 200 and 100 characters; anything typed into the username box must fit. */
    private static String clip(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
     * (a refusal becomes an AccountException 429 with the wait). Tried again, up to 3 times, when the database reports a
     * deadlock, a serialization failure or a lock timeout.
     */
    private <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (Refused r) {
                    c.rollback();
                    AccountException e = tooMany(c, r);
                    c.rollback();
                    throw e;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                String state = e.getSQLState();
                boolean transient_ = "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
                if (!transient_ || attempt >= 3) throw new DataAccessException("cannot apply the sign-in limits", e);
                log.info("Sign-in limits: transaction tried again after {}", e.getMessage());
            }
        }
    }
}
