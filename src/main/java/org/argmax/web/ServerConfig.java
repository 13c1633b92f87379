package org.argmax.web;

import org.argmax.accounts.PasswordHasher;
import org.argmax.api.ApiRateLimit;

import java.nio.file.Path;

/**
 * Where the server listens and finds its course, assets and database; the bcrypt cost for passwords;
 * whether a reverse proxy in front of it reports the client's address in X-Forwarded-For; the
 * public API's bounds (fit threads, rate limit per address: burst and refill per second).
 */
public record ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword,
                           int passwordCost, boolean trustProxy, int fitThreads, int apiBurst, double apiPerSecond) {
    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword,
                        int passwordCost, boolean trustProxy) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, passwordCost, trustProxy,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), ApiRateLimit.BURST, ApiRateLimit.PER_SECOND);
    }

    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, PasswordHasher.DEFAULT_COST, false);
    }

    public ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword, int passwordCost) {
        this(port, contentDir, staticDir, jdbcUrl, dbUser, dbPassword, passwordCost, false);
    }
}
