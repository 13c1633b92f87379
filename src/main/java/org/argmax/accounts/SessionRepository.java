package org.argmax.accounts;

import org.argmax.http.Tokens;
import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Server-side sessions in the database (so several servers share them), keyed by SHA-256 of the
 * cookie. Expiry is decided by the database's clock; expired sessions are deleted at each sign-in.
 */
public final class SessionRepository {
    public static final Duration LIFETIME = Duration.ofDays(30);

    private final DataSource db;

    public SessionRepository(DataSource db) {
        this.db = db;
    }

    /** A live session: whose it is and its CSRF token. */
    public record Session(User user, String csrfToken) {
    }

    /** Creates a session and returns the cookie value (the only place the raw id exists); deletes expired sessions. */
    public String create(long userId) {
        String id = Tokens.random();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at)"
                     + " VALUES (?, ?, ?, CURRENT_TIMESTAMP + " + LIFETIME.toSeconds() + " * INTERVAL '1' SECOND)")) {
            s.setString(1, Tokens.sha256(id));
            s.setLong(2, userId);
            s.setString(3, Tokens.random());
            s.executeUpdate();
            purgeExpired(c);
            return id;
        } catch (SQLException e) {
            throw new DataAccessException("cannot create the session", e);
        }
    }

    /** The live session of a cookie with its account, in one query. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 100) return Optional.empty();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT u.id, u.username, u.display_name, u.role, u.created_at, s.csrf_token "
                     + "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > CURRENT_TIMESTAMP")) {
            s.setString(1, Tokens.sha256(cookieValue));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Session(UserRepository.user(rs), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the session", e);
        }
    }

    /** Sessions past their expiry can never be used again; nothing else deletes them. Returns how many were deleted. */
    static int purgeExpired(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= CURRENT_TIMESTAMP")) {
            return s.executeUpdate();
        }
    }

    public void delete(String cookieValue) {
        if (cookieValue == null) return;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
            s.setString(1, Tokens.sha256(cookieValue));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot delete the session", e);
        }
    }

    /** Signs a user out everywhere, e.g. after a password change. */
    public void deleteAllFor(long userId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
            s.setLong(1, userId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot delete the sessions", e);
        }
    }
}
