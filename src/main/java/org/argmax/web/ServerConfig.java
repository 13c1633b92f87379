package org.argmax.web;

import org.argmax.accounts.PasswordHasher;

import java.nio.file.Path;

/** Where the server listens and finds its course, assets and database; the bcrypt cost for passwords. */
public record ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword,
                           int passwordCost) {
    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, PasswordHasher.DEFAULT_COST);
    }
}
