package org.argmax.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up skips Flyway when the schema is current: that check must agree with Flyway's own
 * checksums (else every start would migrate, or an edited migration would go unnoticed).
 */
class SchemaCheckTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseFlywayJustMigratedIsCurrentAndAnEditedMigrationIsNot() throws Exception {
        String url = "jdbc:h2:" + dir.toAbsolutePath().resolve("argmax");
        try (Database db = new Database(url, "sa", ""); Connection c = db.dataSource().getConnection()) {
            assertTrue(SchemaCheck.current(c), "the checksums computed here are Flyway's: " + SchemaCheck.packaged());
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '2'");
            }
            assertFalse(SchemaCheck.current(c), "a migration whose file changed after it was applied");
        }
        // not current, so Flyway runs and its validation refuses the start, as before
        DatabaseException e = assertThrows(DatabaseException.class, () -> new Database(url, "sa", "").close());
        assertTrue(e.getMessage().contains("could not be created or updated") && e.getMessage().contains("failed validation"), e.getMessage());
    }

    @Test
    void aNewDatabaseIsNotCurrent() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:schema-check-empty", "sa", "")) {
            assertFalse(SchemaCheck.current(c));
        }
    }

    @Test
    void checksumIsFlywaysLineByLineCrc() throws Exception {
        // the same lines with \n, \r\n and a byte-order mark give the same checksum, as in Flyway
        int unix = SchemaCheck.checksum(new ByteArrayInputStream("CREATE TABLE t (x INT);\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8)));
        int windows = SchemaCheck.checksum(new ByteArrayInputStream("\uFEFFCREATE TABLE t (x INT);\r\nSELECT 1;".getBytes(StandardCharsets.UTF_8)));
        assertEquals(unix, windows);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("CREATE TABLE t (x INT);SELECT 1;".getBytes(StandardCharsets.UTF_8));
        assertEquals((int) crc.getValue(), unix);
    }

    @Test
    void theMigrationsInAJarAreTheFilesOfItsMigrationFolder() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            for (String name : java.util.List.of("org/", "org/A.class", "db/", "db/migration/", "db/migration/V1__a.sql",
                    "db/migration/V2__b.sql", "db/migrations.txt", "z/db/migration/V3__c.sql")) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.closeEntry();
            }
        }
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            assertEquals(java.util.List.of("V1__a.sql", "V2__b.sql"), SchemaCheck.namesIn(file));
        }
    }

    /** A jar with the given migrations (name, text) under db/migration. */
    private Path jarWith(String name, java.util.Map<String, String> migrations) throws Exception {
        Path jar = dir.resolve(name);
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("db/"));
            out.putNextEntry(new java.util.jar.JarEntry("db/migration/"));
            for (var m : migrations.entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry("db/migration/" + m.getKey()));
                out.write(m.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static int crc(String sql) throws Exception {
        return SchemaCheck.checksum(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theMigrationsOfAJarAreRecordedAndReadBackForTheSameJarOnly() throws Exception {
        Path jar = jarWith("app.jar", java.util.Map.of("V1__a.sql", "CREATE TABLE a (x INT);\n", "V2__b.sql", "CREATE TABLE b (y INT);\n"));
        Path record = dir.resolve("db/argmax" + SchemaCheck.RECORD_SUFFIX);
        java.nio.file.Files.createDirectories(record.getParent());
        java.util.Map<String, Integer> expected = java.util.Map.of("1", crc("CREATE TABLE a (x INT);\n"), "2", crc("CREATE TABLE b (y INT);\n"));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            assertEquals(expected, SchemaCheck.packaged(loader, record), "read from the jar");
            java.util.List<String> lines = java.nio.file.Files.readAllLines(record);
            assertEquals(SchemaCheck.RECORD_HEADER, lines.get(0));
            assertEquals("jar " + jar.toAbsolutePath().normalize() + " " + java.nio.file.Files.size(jar) + " "
                    + java.nio.file.Files.getLastModifiedTime(jar).toMillis(), lines.get(1), "keyed by the jar's path, size and time");

            // the next start of the same jar takes the record's word: shown by a record that differs from the jar
            java.nio.file.Files.writeString(record, lines.get(0) + "\n" + lines.get(1) + "\n1 7\n");
            assertEquals(java.util.Map.of("1", 7), SchemaCheck.packaged(loader, record), "read from the record");

            // a malformed record: the jar is read again and the record rewritten
            java.nio.file.Files.writeString(record, lines.get(0) + "\n" + lines.get(1) + "\n1 seven\n");
            assertEquals(expected, SchemaCheck.packaged(loader, record));
            assertEquals(expected, SchemaCheck.readRecord(record, lines.get(1)));
        }
        // another jar (a rebuild: here another size and name) is read from its own index, whatever the record says
        java.nio.file.Files.writeString(record, SchemaCheck.RECORD_HEADER + "\n" + "jar /elsewhere/app.jar 1 1" + "\n1 7\n");
        Path rebuilt = jarWith("app2.jar", java.util.Map.of("V1__a.sql", "CREATE TABLE a (x INT);\n", "V2__b.sql", "CREATE TABLE b (y INT);\n",
                "V3__c.sql", "CREATE TABLE c (z INT);\n"));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{rebuilt.toUri().toURL()}, null)) {
            assertEquals(3, SchemaCheck.packaged(loader, record).size(), "the new migration is seen");
            assertEquals(3, SchemaCheck.packaged(loader, record).size());
        }
        // no record wanted (not an H2 file): nothing written
        Path none = dir.resolve("none" + SchemaCheck.RECORD_SUFFIX);
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            assertEquals(expected, SchemaCheck.packaged(loader, null));
        }
        assertFalse(java.nio.file.Files.exists(none));
    }

    @Test
    void aClassFolderIsListedEachTimeAndNotRecorded() throws Exception {
        // tests and IDEs run from target/classes, whose files change without a new jar identity
        Path record = dir.resolve("argmax" + SchemaCheck.RECORD_SUFFIX);
        assertEquals(SchemaCheck.packaged(), SchemaCheck.packaged(SchemaCheck.class.getClassLoader(), record));
        assertFalse(java.nio.file.Files.exists(record));
    }
}
