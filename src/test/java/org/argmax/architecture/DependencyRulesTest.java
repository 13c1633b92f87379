package org.argmax.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependencies between packages run one way, as the README's layout table says; this test is
 * that table, frozen. A feature importing the web layer, a cycle, or the core touching web, SQL or
 * JSON code fails it.
 */
class DependencyRulesTest {
    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.argmax");

    /** Package → the packages of ours it may use (besides itself). Keep in step with README.md. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("estimation", Set.of()),
            Map.entry("content", Set.of()),
            Map.entry("db", Set.of()),
            Map.entry("http", Set.of()),
            Map.entry("markdown", Set.of("content")),
            Map.entry("accounts", Set.of("db", "http")),
            Map.entry("exercises", Set.of("content", "db", "estimation", "http", "markdown")),
            Map.entry("lessons", Set.of("content", "exercises", "http", "markdown")),
            Map.entry("progress", Set.of("accounts", "content", "db", "exercises", "http", "lessons", "markdown")),
            Map.entry("api", Set.of("content", "estimation", "http")),
            Map.entry("web", Set.of("accounts", "api", "content", "db", "estimation", "exercises", "http", "lessons", "markdown", "progress")),
            Map.entry("cli", Set.of("accounts", "api", "content", "db", "estimation", "exercises", "http", "lessons", "markdown", "progress", "web")));

    @Test
    void everyPackageUsesOnlyWhatTheLayoutTableAllows() {
        Set<String> packages = ALLOWED.keySet();
        for (var entry : ALLOWED.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : packages) {
                if (!other.equals(entry.getKey()) && !entry.getValue().contains(other)) forbidden.add("org.argmax." + other + "..");
            }
            if (forbidden.isEmpty()) continue;
            noClasses().that().resideInAPackage("org.argmax." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("the README's layout table lets " + entry.getKey() + " use only " + entry.getValue())
                    .check(CODE);
        }
    }

    @Test
    void noFeatureImportsTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("org.argmax.web..", "org.argmax.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.argmax.web..")
                .because("web wires everything together and nothing imports it")
                .check(CODE);
    }

    @Test
    void thereAreNoPackageCycles() {
        slices().matching("org.argmax.(*)..").should().beFreeOfCycles().check(CODE);
    }

    @Test
    void theCoreSpeaksMathematicsNotWebSqlOrJson() {
        noClasses().that().resideInAPackage("org.argmax.estimation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.thymeleaf..", "java.sql..",
                        "javax.sql..", "org.h2..", "com.zaxxer..", "com.fasterxml..", "org.yaml..")
                .because("the core is pure mathematics; it imports none of our other packages either (see the table)")
                .check(CODE);
    }

    @Test
    void everyPackageOfTheCodeIsInTheTable() {
        Set<String> found = new java.util.TreeSet<>();
        CODE.forEach(c -> found.add(c.getPackageName().replaceFirst("^org\\.argmax\\.?", "").split("\\.")[0]));
        found.remove("");
        found.removeAll(ALLOWED.keySet());
        org.junit.jupiter.api.Assertions.assertTrue(found.isEmpty(), "packages missing from the dependency table: " + found);
    }
}
