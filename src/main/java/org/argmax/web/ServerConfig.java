package org.argmax.web;

import org.argmax.accounts.PasswordHasher;

import java.nio.file.Path;

/**
 * Where the server listens and finds its course, assets and database; the bcrypt cost for passwords;
 * whether a reverse proxy in front of it reports the client's address in X-Forwarded-For.
 */
public record ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword,
                           int passwordCost, boolean trustProxy) {
    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, PasswordHasher.DEFAULT_COST, false);
    }

    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword, int passwordCost) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, passwordCost, false);
    }
}
