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
 */
final class SchemaCheck {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private SchemaCheck() {
    }

    static boolean current(Connection connection) {
        Map<String, Integer> packaged = packaged();
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
        Map<String, Integer> versions = new HashMap<>();
        for (String name : fileNames()) {
            var m = VERSIONED.matcher(name);
            if (!m.matches()) return Map.of();
            String version = m.group(1).replace('_', '.');
            try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(LOCATION + "/" + name)) {
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

    /** The file names under db/migration on the class path: a folder (tests, IDE) or a jar. */
    private static List<String> fileNames() {
        URL dir = SchemaCheck.class.getClassLoader().getResource(LOCATION);
        if (dir == null) return List.of();
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
