package org.argmax.cli;

import org.argmax.db.Database;
import org.argmax.db.H2Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code argmax backup --out FILE}: a consistent copy of the embedded H2 database (a zip with its
 * file), also while the server runs: then the server makes it (H2 lets only the process that opened
 * the file read it) and sends it over localhost (see {@link H2Backup}). For PostgreSQL it says to use
 * pg_dump.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the embedded H2 database into a zip file, also while the server runs (PostgreSQL: use pg_dump).")
public final class BackupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions db;

    @Option(names = "--out", required = true, description = "The zip file to write.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> path = H2Backup.databasePath(db.jdbcUrl);
        if (path.isEmpty()) {
            err.println(db.jdbcUrl.startsWith("jdbc:postgresql:")
                    ? "This database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=argmax.dump argmax "
                    + "(restore with pg_restore --clean --dbname=argmax argmax.dump)."
                    : "backup copies an embedded H2 database file; " + db.jdbcUrl + " is not one.");
            return 2;
        }
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        Optional<H2Backup.ServerInfo> server = H2Backup.ServerInfo.read(path.get());
        String how;
        boolean fromServer;
        try {
            fromServer = server.isPresent() && fromServer(server.get(), tmp);
        } catch (IOException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
        if (fromServer) {
            how = "made by the running server on port " + server.get().port();
        } else {
            try (Database database = db.open(); Connection c = database.dataSource().getConnection()) {
                H2Backup.backupTo(c, tmp);
            } catch (SQLException e) {
                err.println("Backup failed: " + e.getMessage());
                return 1;
            }
            how = "the server was not running";
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        stdout.println("Wrote " + out + " (" + Files.size(out) / 1024 + " kB; " + how + ").");
        return 0;
    }

    /** False when no server answers (a file left by a server that was killed); throws when one answers with an error. */
    private static boolean fromServer(H2Backup.ServerInfo server, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/admin/backup"))
                .header(H2Backup.TOKEN_HEADER, server.token()).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Path> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(target));
        } catch (ConnectException e) {
            return false;
        }
        if (response.statusCode() != 200) {
            String body = Files.readString(target);
            Files.deleteIfExists(target);
            throw new IOException("the running server refused the backup (" + response.statusCode() + "): " + body);
        }
        return true;
    }
}
