package org.argmax.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the schema is already current, without starting Flyway (whose classes and set-up cost
 * about as much CPU at start-up as the rest of the database): the migrations packaged under
 * {@code db/migration} are exactly the successful versioned migrations in Flyway's history table,
 * each with the checksum Flyway computes for it (a CRC-32 of the file's lines without their line
 * breaks, after a byte-order mark). Anything else (a new database, a new or edited migration, a
 * failed or baseline row, a file that is not {@code V<version>__<name>.sql}) says "not current",
 * and Flyway migrates and validates as before.
 *
 * <p>From the packaged jar, the migrations' names come from the jar's index, and opening the jar again
 * for it reads the index of all its ~29,000 entries (40-60 ms of the main thread at start-up). So next
 * to an H2 file, {@code <database>.schema-check} records the packaged versions and checksums with the
 * jar's identity (absolute path, size, modification time: what the class-data archive and the course
 * check are keyed by); a start from the same jar reads them there. Another jar (any rebuild), a
 * missing, unreadable or malformed record: the jar is read as before and the record rewritten. The
 * record only ever replaces the listing of the jar: the comparison with Flyway's history is made on
 * every start.
 */
final class SchemaCheck {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private SchemaCheck() {
    }

    static boolean current(Connection connection) {
        return current(connection, null);
    }

    /** {@code record}: where the packaged migrations are recorded ({@link #packaged(ClassLoader, Path)}); null for none. */
    static boolean current(Connection connection, Path record) {
        Map<String, Integer> packaged = packaged(SchemaCheck.class.getClassLoader(), record);
        if (packaged.isEmpty()) return false;
        Map<String, Integer> applied = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet table = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'")) {
            // asked first, so a new database does not get H2's "table not found" in its trace file
            if (!table.next() || table.getInt(1) != 1) return false;
        } catch (SQLException e) {
            return false;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"checksum\", \"success\", \"type\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                if ("TABLE".equals(rs.getString(4)) && rs.getString(1) == null) continue; // Flyway's note that it created the table
                if (!rs.getBoolean(3) || !"SQL".equals(rs.getString(4)) || rs.getString(1) == null) return false;
                int checksum = rs.getInt(2);
                if (rs.wasNull()) return false;
                applied.put(rs.getString(1), checksum);
            }
        } catch (SQLException e) { // not the table Flyway makes: Flyway will say what is wrong
            return false;
        }
        return applied.equals(packaged);
    }

    /** Version (as Flyway writes it: "9", "1.2") → checksum of every packaged migration; empty when one is not a plain versioned file. */
    static Map<String, Integer> packaged() {
        return packaged(SchemaCheck.class.getClassLoader(), null);
    }

    static final String RECORD_HEADER = "argmax schema check 1";
    static final String RECORD_SUFFIX = ".schema-check";

    /**
     * The packaged migrations as {@link #packaged()} says, from {@code record} when it was written for
     * this very jar; else from the jar (or class folder), then recorded for the next start when they
     * came from a jar (a class folder is listed cheaply, and changes without a new identity).
     */
    static Map<String, Integer> packaged(ClassLoader loader, Path record) {
        URL dir = loader.getResource(LOCATION);
        if (dir == null) return Map.of();
        String jar = record != null && dir.getProtocol().equals("jar") ? jarIdentity(dir) : null;
        if (jar != null) {
            Map<String, Integer> recorded = readRecord(record, jar);
            if (recorded != null) return recorded;
        }
        Map<String, Integer> versions = checksums(loader, fileNames(dir));
        if (jar != null && !versions.isEmpty()) writeRecord(record, jar, versions);
        return versions;
    }

    /** {@code jar <absolute path> <size> <modified ms>} of the jar a {@code jar:} URL points into; null when it cannot be told. */
    static String jarIdentity(URL inJar) {
        try {
            URL file = ((JarURLConnection) inJar.openConnection()).getJarFileURL(); // parsed from the URL: the jar is not opened
            if (!file.getProtocol().equals("file")) return null;
            Path jar = Path.of(file.toURI()).toAbsolutePath().normalize();
            return "jar " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The recorded versions and checksums when the record is for {@code jar}; null when it is not, or cannot be read. */
    static Map<String, Integer> readRecord(Path record, String jar) {
        try {
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(RECORD_HEADER) || !lines.get(1).equals(jar)) return null;
            Map<String, Integer> versions = new HashMap<>();
            for (String line : lines.subList(2, lines.size())) {
                String[] f = line.split(" ");
                if (f.length != 2 || !f[0].matches("[0-9][0-9.]*") || versions.put(f[0], Integer.parseInt(f[1])) != null) return null;
            }
            return versions;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the record atomically (a temporary file moved over it); a failure only means the jar is read again next time. */
    private static void writeRecord(Path record, String jar, Map<String, Integer> versions) {
        StringBuilder text = new StringBuilder(RECORD_HEADER).append('\n').append(jar).append('\n');
        versions.forEach((version, checksum) -> text.append(version).append(' ').append(checksum).append('\n'));
        Path temporary = record.resolveSibling(record.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more to do: the next start reads the jar
            }
        }
    }

    private static Map<String, Integer> checksums(ClassLoader loader, List<String> names) {
        Map<String, Integer> versions = new HashMap<>();
        for (String name : names) {
            var m = VERSIONED.matcher(name);
            if (!m.matches()) return Map.of();
            String version = m.group(1).replace('_', '.');
            try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
                if (in == null || versions.put(version, checksum(in)) != null) return Map.of();
            } catch (IOException e) {
                return Map.of();
            }
        }
        return versions;
    }

    /** Flyway's checksum of a migration: CRC-32 over the UTF-8 bytes of each line without its line break, a leading BOM removed. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && line.startsWith("\uFEFF")) line = line.substring(1);
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    /**
     * The files in the jar's {@code db/migration} folder. A jar lists a folder's files together; the
     * packaged jar has ~29,000 entries and the migrations come early, so the walk stops after them
     * (walking them all cost more than the rest of the check). Were one listed elsewhere, it would be
     * missed here, and the schema would only look not current: Flyway would then run and check it all.
     */
    static List<String> namesIn(JarFile jar) {
        String folder = LOCATION + "/";
        List<String> names = new ArrayList<>();
        boolean inFolder = false;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry e = entries.nextElement();
            String n = e.getName();
            if (!n.startsWith(folder)) {
                if (inFolder) break;
                continue;
            }
            inFolder = true;
            if (!e.isDirectory()) names.add(n.substring(folder.length()));
        }
        return names;
    }

    /** The file names in db/migration on the class path ({@code dir}): a folder (tests, IDE) or a jar. */
    private static List<String> fileNames(URL dir) {
        try {
            if (dir.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                    return files.map(p -> p.getFileName().toString()).toList();
                }
            }
            if (dir.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) dir.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return namesIn(jar);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        return List.of();
    }
}
