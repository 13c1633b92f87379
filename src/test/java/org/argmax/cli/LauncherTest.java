package org.argmax.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When `java -jar argmax.jar` re-executes itself, and with which command line. */
class LauncherTest {
    private static final List<String> JAR_RUN = List.of("-jar", "target/argmax.jar", "serve");
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void serveFromAJarRelaunchesAndEverythingElseRunsHere() {
        assertTrue(Launcher.relaunches(List.of("serve", "--port", "8080"), NO_ENV, null, JAR_RUN));
        assertTrue(Launcher.relaunches(List.of(), NO_ENV, null, List.of("-jar", "argmax.jar")), "serve is the default command");
        for (String command : List.of("check", "user", "backup", "export", "--help", "--version")) {
            assertFalse(Launcher.relaunches(List.of(command), NO_ENV, null, List.of("-jar", "argmax.jar", command)), command);
        }
        assertFalse(Launcher.relaunches(List.of("serve"), NO_ENV, null, List.of("-cp", "target/classes", "org.argmax.cli.Main", "serve")),
                "not started with -jar (tests, an IDE)");
    }

    @Test
    void theChildAndTheOptOutsRunHere() {
        assertFalse(Launcher.relaunches(List.of("serve"), NO_ENV, "4242", JAR_RUN), "the child itself");
        assertFalse(Launcher.relaunches(List.of("serve", "--no-relaunch"), NO_ENV, null, JAR_RUN));
        for (String off : List.of("1", "true", "yes")) {
            assertFalse(Launcher.relaunches(List.of("serve"), Map.of("ARGMAX_NO_RELAUNCH", off), null, JAR_RUN), off);
        }
        for (String on : List.of("", "0", "false")) {
            assertTrue(Launcher.relaunches(List.of("serve"), Map.of("ARGMAX_NO_RELAUNCH", on), null, JAR_RUN), "'" + on + "'");
        }
    }

    @Test
    void theChildGetsTheArchiveTheBoundedHeapThenTheUsersOptions() {
        Path jar = Path.of("/srv/argmax/argmax.jar");
        Path archive = Path.of("/srv/argmax/argmax-0123456789ab.jsa");
        List<String> parent = List.of("-Dargmax.startupTrace=true", "-Xmx1g", "-jar", "argmax.jar", "serve", "--port", "8080");
        List<String> child = Launcher.childCommand("/usr/bin/java", parent, jar, archive, true, null, 42, 1000, List.of("serve", "--port", "8080"));
        List<String> expected = new java.util.ArrayList<>(List.of("/usr/bin/java", "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-Xlog:cds=off,cds+dynamic=off", "-XX:+UseSerialGC"));
        expected.addAll(Launcher.hugePageOptions());
        if (Launcher.trimsNativeHeap(Runtime.version())) expected.addAll(List.of(Launcher.TRIM_NATIVE_HEAP));
        expected.addAll(List.of(Launcher.JIT_OPTIONS));
        expected.addAll(List.of("-Dargmax.startupTrace=true", "-Xmx1g",
                "-Dargmax.launcher.parent=42", "-Dargmax.startOrigin=1000", "-jar", jar.toString(), "serve", "--port", "8080"));
        assertEquals(expected, child, "the user's -Xmx replaces our heap sizes (our -Xms160m beside -Xmx64m would stop the JVM)");

        List<String> plain = Launcher.childCommand("/usr/bin/java", List.of("-jar", "argmax.jar", "serve"), jar, archive, true, null, 42, 1000,
                List.of("serve"));
        int xms = plain.indexOf("-Xms160m");
        assertEquals(List.of("-Xms160m", "-Xmn64m", "-Xmx160m", "-XX:+UseSerialGC"), plain.subList(xms, xms + 4), plain.toString());
        List<String> memory = Launcher.serverMemoryOptions();
        assertEquals(memory, plain.subList(xms, xms + memory.size()), "the load tests' one-JVM server gets what serve's child gets");
    }

    @Test
    void hugePagesOnlyWhereTheKernelOffersThem() {
        assertTrue(Launcher.offersHugePages("always [madvise] never\n"));
        assertTrue(Launcher.offersHugePages("[always] madvise never\n"));
        assertFalse(Launcher.offersHugePages("always madvise [never]\n"));
        assertFalse(Launcher.offersHugePages(""), "no such file: not Linux, or a container without /sys");
        String setting;
        try {
            setting = java.nio.file.Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
        } catch (java.io.IOException e) {
            setting = "";
        }
        assertEquals(Launcher.offersHugePages(setting) ? List.of(Launcher.HUGE_PAGES) : List.of(), Launcher.hugePageOptions(), setting);
    }

    @Test
    void theNativeHeapIsTrimmedOnlyOnJvmsThatKnowTheOption() {
        for (String v : new String[]{"17.0.9", "17.0.15", "21.0.1", "21.0.5", "22", "25.0.1"}) {
            assertTrue(Launcher.trimsNativeHeap(Runtime.Version.parse(v)), v);
        }
        for (String v : new String[]{"17", "17.0.8", "18.0.2", "20.0.1", "21"}) {
            assertFalse(Launcher.trimsNativeHeap(Runtime.Version.parse(v)), v + " would refuse to start with an unknown option");
        }
    }

    @Test
    void withoutAnArchiveTheChildWritesOneAtExitAndAUsersCollectorOrArchiveReplacesOurs() {
        Path jar = Path.of("/srv/argmax/argmax.jar");
        Path archive = Path.of("/srv/argmax/argmax-0123456789ab.jsa");
        Path tmp = Path.of("/srv/argmax/argmax-0123456789ab.jsa.42.tmp");
        List<String> first = Launcher.childCommand("java", List.of("-jar", "argmax.jar"), jar, archive, false, tmp, 42, 1000, List.of());
        assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + tmp), first.toString());
        assertFalse(first.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), first.toString());

        List<String> g1 = Launcher.childCommand("java", List.of("-XX:+UseG1GC", "-jar", "argmax.jar"), jar, archive, true, tmp, 42, 1000, List.of());
        assertFalse(g1.contains("-XX:+UseSerialGC"), "two collectors would stop the JVM: " + g1);
        assertTrue(g1.contains("-XX:+UseG1GC"));

        List<String> own = Launcher.childCommand("java", List.of("-Xshare:off", "-jar", "argmax.jar"), jar, archive, true, tmp, 42, 1000, List.of());
        assertFalse(own.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")), own.toString());

        List<String> none = Launcher.childCommand("java", List.of("-jar", "argmax.jar"), jar, null, false, null, 42, 1000, List.of());
        assertFalse(none.stream().anyMatch(o -> o.contains("Archive") || o.startsWith("-Xshare")), "no archive where none can be written: " + none);
    }

    @Test
    void theArchiveNameChangesWithTheJarAndTheJvm() {
        Path jar = Path.of("/srv/argmax/argmax.jar");
        Path a = Launcher.archiveFor(jar, 1000, 5000, "/usr/lib/jvm/17", "17.0.15+6");
        assertEquals(jar.resolveSibling(a.getFileName()), a, "next to the jar");
        assertTrue(a.getFileName().toString().matches("argmax-[0-9a-f]{12}\\.jsa"), a.toString());
        assertEquals(a, Launcher.archiveFor(jar, 1000, 5000, "/usr/lib/jvm/17", "17.0.15+6"));
        assertNotEquals(a, Launcher.archiveFor(jar, 1001, 5000, "/usr/lib/jvm/17", "17.0.15+6"), "rebuilt: another size");
        assertNotEquals(a, Launcher.archiveFor(jar, 1000, 5001, "/usr/lib/jvm/17", "17.0.15+6"), "rebuilt: another time");
        assertNotEquals(a, Launcher.archiveFor(jar, 1000, 5000, "/usr/lib/jvm/17", "17.0.16+8"), "another JVM");
        assertNotEquals(a, Launcher.archiveFor(Path.of("/opt/argmax.jar"), 1000, 5000, "/usr/lib/jvm/17", "17.0.15+6").getFileName(),
                "another place");
    }

    @Test
    void onlyOurArchivesAreRecognizedForCleaningUp() {
        Path jar = Path.of("/srv/argmax/argmax.jar");
        assertTrue(Launcher.isArchiveName(Launcher.archiveFor(jar, 1, 2, "/jdk", "17").getFileName().toString()));
        assertTrue(Launcher.isArchiveName("argmax-0123456789ab.jsa"));
        for (String other : List.of("argmax-0123456789ab.jsa.42.tmp", "argmax-0123456789AB.jsa", "argmax-0123456789a.jsa",
                "argmax-0123456789abc.jsa", "argmax-0123456789ag.jsa", "other-0123456789ab.jsa", "argmax.jar")) {
            assertFalse(Launcher.isArchiveName(other), other);
        }
    }

    @Test
    void theJarIsTheArgumentAfterDashJar() {
        assertEquals("x/argmax.jar", Launcher.jarOf(List.of("-Xmx1g", "-jar", "x/argmax.jar", "serve")).orElseThrow());
        assertTrue(Launcher.jarOf(List.of("-cp", "a.jar", "org.argmax.cli.Main")).isEmpty());
        assertTrue(Launcher.jarOf(List.of("-jar")).isEmpty());
    }
}
