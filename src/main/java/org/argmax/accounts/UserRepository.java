package org.argmax.accounts;

import org.argmax.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users table. */
public final class UserRepository {
    private final DataSource db;

    public UserRepository(DataSource db) {
        this.db = db;
    }

    /** A stored user and their hash, for sign-in. */
    public record Credentials(User user, String passwordHash) {
    }

    /** Inserts a user; empty when the username is taken. */
    public Optional<User> insert(String username, String displayName, String passwordHash, Role role) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO users (username, display_name, password_hash, role) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, username);
            s.setString(2, displayName);
            s.setString(3, passwordHash);
            s.setString(4, role.name());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(new User(keys.getLong(1), username, displayName, role, OffsetDateTime.now()));
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            return Optional.empty();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) return Optional.empty(); // unique violation (H2, PostgreSQL)
            throw new DataAccessException("cannot create the user", e);
        }
    }

    public Optional<Credentials> credentials(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, username, display_name, role, created_at, password_hash FROM users WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Credentials(user(rs), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the user", e);
        }
    }

    public Optional<User> byId(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, username, display_name, role, created_at FROM users WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the user", e);
        }
    }

    public List<User> all() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, username, display_name, role, created_at FROM users ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            List<User> out = new ArrayList<>();
            while (rs.next()) out.add(user(rs));
            return out;
        } catch (SQLException e) {
            throw new DataAccessException("cannot list the users", e);
        }
    }

    public boolean setPasswordHash(String username, String hash) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
            s.setString(1, hash);
            s.setString(2, username);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot change the password", e);
        }
    }

    /** Replaces the hash only if it is still {@code expected} (a password changed meanwhile is kept). */
    public boolean replacePasswordHash(String username, String expected, String hash) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ? AND password_hash = ?")) {
            s.setString(1, hash);
            s.setString(2, username);
            s.setString(3, expected);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataAccessException("cannot change the password", e);
        }
    }

    /** Columns id, username, display_name, role, created_at, in this order. */
    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class));
    }
}
