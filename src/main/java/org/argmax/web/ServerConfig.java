package org.argmax.web;

import java.nio.file.Path;

/** Where the server listens and finds its course, assets and database. */
public record ServerConfig(int port, Path contentDir, Path staticDir, String jdbcUrl, String dbUser, String dbPassword) {
}
