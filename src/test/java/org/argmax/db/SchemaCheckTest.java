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
}
