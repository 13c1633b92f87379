package org.argmax.load;

import org.argmax.testing.Postgres;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Open-loop load on answer submissions, as a class produces it: LEARNERS learners sign up, then
 * submissions arrive at a fixed rate whatever the server does (send times fixed in advance, latency
 * measured from the intended send time, so time spent queueing counts), on the JSON path (what
 * {@code static/js/exercises.js} posts) and on the plain form path (303). Each rate runs for SECONDS.
 * The server is {@code target/argmax.jar serve} in its own JVM on a fresh database (an H2 file in a
 * temporary folder; PostgreSQL on the throw-away cluster of {@link Postgres}); afterwards every stored
 * attempt is counted in the database, per phase, and compared with the acknowledged ones.
 *
 * <p>The learners answer {@code coin-mle} of the shipped course with its attempt limit lifted
 * and its tolerance narrowed to 10⁻⁷ ({@code attempts: 0}, in a copy of {@code content/}); the answers are
 * never right (see {@link #run}), so every submission is graded and stored, none is refused as
 * "already solved", and a learner's history grows through the run, as it does over a term. Run by {@code src/test/load/grading.sh};
 * configured by environment variables (see there). Prints a Markdown table and writes it to OUT.
 */
public final class GradingLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String EXERCISE = "coin-mle";

    private final HttpClient http;
    private final String base;
    private final List<Learner> learners = new ArrayList<>();

    record Learner(String cookies, String csrf, String address) {
    }

    /**
     * One phase: a path at a rate. {@code acknowledged}: 200 (JSON) or 303 (form); {@code unanswered}: no
     * status at all (a time-out, a reset), which the server may or may not have stored; {@code from/to}:
     * when it ran, for counting rows.
     */
    record Phase(String db, String path, int rate, int seconds, int sent, int acknowledged, int errors, int unanswered, Map<String, Integer> errorKinds,
                 double p50, double p99, double max, double cpuMsPerSubmission, Instant from, Instant to) {
    }

    GradingLoad(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = Arrays.stream(env("RATES", "50,100,200,400,800").split(",")).map(String::strip).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(env("SECONDS", "60"));
        int warmup = Integer.parseInt(env("WARMUP", "30"));
        int learnerCount = Integer.parseInt(env("LEARNERS", "50"));
        List<String> paths = List.of(env("PATHS", "json,form").split(","));
        List<String> dbs = List.of(env("DBS", "h2,postgresql").split(","));
        Path jar = Path.of(env("JAR", "target/argmax.jar"));
        Path out = Path.of(env("OUT", "target/load-results"));
        Files.createDirectories(out);
        String loadAtStart = loadAverage();

        List<Phase> phases = new ArrayList<>();
        Map<String, long[]> storedVsAcked = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String db : dbs) {
            try {
                runOn(db, jar, learnerCount, warmup, paths, rates, seconds, phases, storedVsAcked, notes);
            } catch (Exception e) { // e.g. sign-ups timing out on an overloaded machine: report the other database
                failures.add(db + ": " + e);
                e.printStackTrace();
            }
        }
        String report = report(phases, storedVsAcked, rates, seconds, learnerCount, loadAtStart, loadAverage())
                + notes.stream().map(n -> "- " + n + "\n").collect(Collectors.joining())
                + failures.stream().map(f -> "- not measured, " + f + "\n").collect(Collectors.joining());
        System.out.println(report);
        Path file = out.resolve("grading-" + Instant.now().toString().replace(':', '-').replaceAll("\\..*", "") + ".md");
        Files.writeString(file, report);
        System.err.println("written to " + file);
        // every acknowledged attempt stored (per phase: it was committed before its answer), and nothing stored beyond
        // what was acknowledged or left unanswered (in total only: an unanswered request may be stored after its phase ended)
        boolean wrong = storedVsAcked.entrySet().stream().anyMatch(e -> e.getValue()[0] < e.getValue()[1]
                || (e.getKey().endsWith(" total") && e.getValue()[0] > e.getValue()[1] + e.getValue()[2]));
        if (!failures.isEmpty()) System.exit(2);
        if (wrong) {
            System.err.println("STORED DIFFERS FROM ACKNOWLEDGED");
            System.exit(1);
        }
    }

    /** All phases on one database, then its stored attempts counted per phase. */
    private static void runOn(String db, Path jar, int learnerCount, int warmup, List<String> paths, List<Integer> rates, int seconds,
                              List<Phase> phases, Map<String, long[]> storedVsAcked, List<String> notes) throws Exception {
        Path dir = Files.createTempDirectory("argmax-grading-load-");
        String url = db.equals("h2") ? "jdbc:h2:" + dir.resolve("db/argmax").toAbsolutePath() + env("H2_URL_OPTIONS", "")
                : Postgres.newDatabase("grading_load");
        try (Server server = Server.start(jar, loadContent(dir), url, dir.resolve("server.log"))) {
            GradingLoad load = new GradingLoad(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build(), "http://127.0.0.1:" + server.port);
            load.signUp(learnerCount);
            System.err.printf("%s: %d learners signed up; warm-up %d s at 100/s%n", db, learnerCount, warmup);
            if (warmup > 0) phases.add(load.run(db, "json", 100, warmup, server, true));
            for (String path : paths) {
                for (int rate : rates) {
                    Phase p = load.run(db, path, rate, seconds, server, false);
                    System.err.printf("%s %s %d/s: p50 %.1f ms, p99 %.1f ms, max %.0f ms, %d acknowledged, %d errors, %.2f ms CPU each%n",
                            db, path, rate, p.p50, p.p99, p.max, p.acknowledged, p.errors, p.cpuMsPerSubmission);
                    phases.add(p);
                    // a pause between bursts, as in a class: the H2 file is compacted at such lulls (H2Compaction)
                    Thread.sleep(Integer.parseInt(env("PAUSE_MS", "3000")));
                    // the compaction such a lull starts holds requests while it lasts (seconds, once the file holds
                    // hundreds of thousands of attempts): the next rate starts once the server answers at once again,
                    // and the holds are reported on their own (compactions, below)
                    load.settle();
                }
            }
            String rss = server.rss();
            System.err.printf("%s: server RSS after the grading load %s%n", db, rss);
            notes.add(db + ": server RSS after the grading load " + rss);
        }
        if (db.equals("h2")) notes.add("h2: " + compactions(dir.resolve("server.log"), phases.stream().filter(p -> p.db.equals(db)).toList()));
        List<Instant> stored = storedAttempts(url, db);
        List<Phase> ofDb = phases.stream().filter(p -> p.db.equals(db)).toList();
        for (Phase p : ofDb) {
            long n = stored.stream().filter(t -> !t.isBefore(p.from) && !t.isAfter(p.to)).count();
            storedVsAcked.put(key(p), new long[]{n, p.acknowledged, p.unanswered});
        }
        long acked = ofDb.stream().mapToLong(Phase::acknowledged).sum();
        long unanswered = ofDb.stream().mapToLong(Phase::unanswered).sum();
        storedVsAcked.put(db + " total", new long[]{stored.size(), acked, unanswered});
    }

    private static String key(Phase p) {
        return p.db + " " + p.path + " " + p.rate + (p.seconds == 0 ? "" : "/" + p.seconds);
    }

    /** Signs up the learners (each from its own address, as a class behind one proxy), four at a time: bcrypt is slow on purpose. */
    void signUp(int count) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Learner>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(CompletableFuture.supplyAsync(() -> signUp("load" + run + "x" + n, "10.77." + (n / 250) + "." + (n % 250 + 1)), pool));
            }
            for (CompletableFuture<Learner> f : made) learners.add(f.get());
        } finally {
            pool.shutdown();
        }
    }

    private Learner signUp(String name, String address) {
        CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String page = client.send(get("/signup", address), HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> r = client.send(post("/signup", address, Map.of("_csrf", csrf(page), "displayName", name, "username", name,
                    "password", name + " has a long password"), null), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 303) throw new IllegalStateException("sign-up of " + name + " answered " + r.statusCode() + ": " + r.body());
            page = client.send(get("/exercises/" + EXERCISE, address), HttpResponse.BodyHandlers.ofString()).body();
            String cookies = jar.getCookieStore().getCookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
            return new Learner(cookies, csrf(page), address);
        } catch (IOException e) {
            throw new IllegalStateException("sign-up of " + name + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the page");
        return m.group(1);
    }

    private HttpRequest get(String path, String address) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address).timeout(Duration.ofSeconds(300)).build();
    }

    private HttpRequest post(String path, String address, Map<String, String> form, String accept) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) b.header("Accept", accept);
        return b.build();
    }

    /** Waits (at most 60 s) until {@code /health}, which queries the database, answers within 50 ms twice in a row. */
    void settle() throws InterruptedException {
        int quick = 0;
        for (long end = System.nanoTime() + 60_000_000_000L; quick < 2 && System.nanoTime() < end; ) {
            long t0 = System.nanoTime();
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                quick = status == 200 && System.nanoTime() - t0 < 50_000_000L ? quick + 1 : 0;
            } catch (IOException e) {
                quick = 0;
            }
            Thread.sleep(100);
        }
    }

    /**
     * One phase: {@code rate × seconds} submissions at fixed intended times, learner i mod N each, a
     * wrong answer each time.
     */
    Phase run(String db, String path, int rate, int seconds, Server server, boolean warmUp) throws InterruptedException {
        boolean json = path.equals("json");
        int total = rate * seconds;
        long[] latency = new long[total];
        String[] outcome = new String[total];
        CompletableFuture<?>[] done = new CompletableFuture<?>[total];
        long periodNanos = 1_000_000_000L / rate;
        Duration cpuBefore = server.cpu();
        Instant from = Instant.now();
        long start = System.nanoTime() + 20_000_000;
        // at most CONNECTIONS requests open at once, as a class's browsers hold a few connections each: a request due while
        // all are busy waits for one (its latency still counts from its intended time); without a bound the JDK's client
        // opened a connection per waiting request, thousands under overload, and measured its own connection set-up
        Semaphore open = new Semaphore(Integer.parseInt(env("CONNECTIONS", "256")));
        java.util.Queue<Runnable> due = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < total; i++) done[i] = new CompletableFuture<>();
        for (int i = 0; i < total; i++) {
            Learner l = learners.get(i % learners.size());
            // (2j + 1) / 2000 has 16 in its reduced denominator, so it is never within 10⁻⁷ of k/n for an odd n: always wrong
            String theta = String.format(Locale.ROOT, "%.4f", (2 * ThreadLocalRandom.current().nextInt(0, 1000) + 1) / 2000.0);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/exercises/" + EXERCISE + "/submit"))
                    .header("X-Forwarded-For", l.address).header("Cookie", l.cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(l.csrf, StandardCharsets.UTF_8) + "&answer_theta=" + theta));
            if (json) b.header("Accept", "application/json").header("X-CSRF-Token", l.csrf);
            HttpRequest request = b.build();
            long intended = start + i * periodNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            int n = i;
            Runnable send = () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                latency[n] = System.nanoTime() - intended;
                int expected = json ? 200 : 303;
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                outcome[n] = e != null ? cause.getClass().getSimpleName() : r.statusCode() == expected ? null : Integer.toString(r.statusCode());
                Runnable next = due.poll(); // the connection goes to the next request waiting, or back
                if (next != null) next.run();
                else open.release();
                done[n].complete(null);
                return null;
            });
            if (open.tryAcquire()) {
                send.run();
            } else {
                due.add(send);
                if (open.tryAcquire()) { // a connection freed between the two lines
                    Runnable next = due.poll();
                    if (next != null) next.run();
                    else open.release();
                }
            }
        }
        CompletableFuture.allOf(done).orTimeout(120, TimeUnit.SECONDS).exceptionally(e -> null).join();
        Instant to = Instant.now();
        Duration cpu = server.cpu().minus(cpuBefore);
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        int acked = 0;
        int unanswered = 0;
        for (int i = 0; i < total; i++) {
            if (!done[i].isDone()) kinds.merge("no answer in 120 s", 1, Integer::sum);
            else if (outcome[i] == null) acked++;
            else kinds.merge(outcome[i], 1, Integer::sum);
            if (!done[i].isDone() || (outcome[i] != null && !outcome[i].matches("\\d+"))) unanswered++;
        }
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        return new Phase(db, warmUp ? "json (warm-up)" : path, rate, warmUp ? 0 : seconds, total, acked, total - acked, unanswered, kinds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[total - 1] / 1e6, cpu.toNanos() / 1e6 / total, from, to);
    }

    private static double percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static final Pattern WAITED = Pattern.compile("requests waited (\\d+) ms");

    /**
     * The H2 compactions in the server's log (H2Compaction logs each: when, why, how long requests
     * waited), and how many fell inside a measured phase: those made requests wait.
     */
    private static String compactions(Path log, List<Phase> phases) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "compactions: server log unreadable (" + e.getMessage() + ")";
        }
        int all = 0, inPhase = 0;
        long maxWait = 0;
        List<String> during = new ArrayList<>();
        String startedLine = null;
        for (String line : lines) {
            if (line.contains("Compacting the database file")) {
                all++;
                startedLine = line;
            }
            Matcher w = WAITED.matcher(line);
            if (w.find() && startedLine != null) {
                long waited = Long.parseLong(w.group(1));
                maxWait = Math.max(maxWait, waited);
                Instant at = logTime(startedLine);
                for (Phase p : phases) {
                    if (at != null && p.seconds > 0 && !at.isBefore(p.from) && !at.isAfter(p.to)) {
                        inPhase++;
                        during.add(p.path + " " + p.rate + "/s (" + waited + " ms, " + startedLine.replaceAll(".*\\), ", "") + ")");
                    }
                }
                startedLine = null;
            }
        }
        return all + " compactions of the H2 file (longest hold " + maxWait + " ms), " + inPhase + " during a measured phase"
                + (during.isEmpty() ? "" : ": " + String.join("; ", during));
    }

    /**
     * The time at the start of a log line (simplelogger.properties: "yyyy-MM-dd HH:mm:ss.SSS ..."), read as the machine's local
     * time; null if none. Milliseconds, so that a compaction begun just after a phase is not counted in it.
     */
    private static Instant logTime(String line) {
        try {
            return java.time.LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')).atZone(java.time.ZoneId.systemDefault()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** When each stored attempt was made (the server is stopped first on H2: its file is single-process). */
    static List<Instant> storedAttempts(String url, String db) throws Exception {
        List<Instant> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT created_at FROM exercise_attempts")) {
            while (rs.next()) out.add(rs.getObject(1, OffsetDateTime.class).toInstant());
        }
        System.err.printf("%s: %d attempts stored%n", db, out.size());
        return out;
    }

    /** The shipped course with the load's exercise open for unlimited attempts, so every submission is graded and stored. */
    static Path loadContent(Path dir) throws IOException {
        Path content = dir.resolve("content");
        Path from = Path.of("content");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = content.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path exercise = content.resolve("exercises/" + EXERCISE + ".yml");
        String yml = Files.readString(exercise);
        for (String expected : new String[]{"\nattempts: 5\n", "tolerance: {absolute: 0.001}", "n: [13, 15, 17"}) {
            if (!yml.contains(expected)) throw new IllegalStateException(exercise + " no longer says '" + expected.strip() + "'; adapt GradingLoad");
        }
        Files.writeString(exercise, yml.replace("\nattempts: 5\n", "\nattempts: 0\n")
                .replace("tolerance: {absolute: 0.001}", "tolerance: {absolute: 0.0000001}"));
        return content;
    }

    private static String report(List<Phase> phases, Map<String, long[]> stored, List<Integer> rates, int seconds, int learners,
                                 String loadAtStart, String loadAtEnd) {
        StringBuilder s = new StringBuilder();
        s.append("## Grading under load (open loop, ").append(learners).append(" learners, ").append(seconds).append(" s per rate)\n\n");
        s.append("Date ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append(", ").append(cpuModel()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs; load average at start ").append(loadAtStart)
                .append(", at end ").append(loadAtEnd).append(". Latency from the intended send time (queueing counts); ")
                .append("CPU = the server process's CPU time per submission.\n\n");
        s.append("| database | path | rate | p50 | p99 | max | errors | CPU/submission | stored = acknowledged |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            long[] sa = stored.getOrDefault(key(p), new long[]{-1, p.acknowledged, p.unanswered}); // -1: the run stopped before counting
            String storedColumn = String.format(Locale.ROOT, "%,d %s %,d", sa[0], sa[0] == sa[1] ? "=" : "≠", sa[1])
                    + (sa[0] == sa[1] ? "" : " (" + sa[2] + " unanswered)");
            s.append(String.format(Locale.ROOT, "| %s | %s | %d/s | %.1f ms | %.1f ms | %.0f ms | %s | %.2f ms | %s |%n",
                    p.db, p.path, p.rate, p.p50, p.p99, p.max, p.errors == 0 ? "0" : p.errors + " " + p.errorKinds, p.cpuMsPerSubmission,
                    storedColumn));
        }
        s.append('\n');
        for (String db : phases.stream().map(Phase::db).distinct().toList()) {
            long[] t = stored.get(db + " total");
            if (t == null) continue;
            String verdict = t[0] < t[1] ? " — ACKNOWLEDGED ATTEMPTS LOST" : t[0] > t[1] + t[2] ? " — MORE STORED THAN SENT WITHOUT A REFUSAL"
                    : t[0] > t[1] ? " (the rest of " + t[2] + " requests left without an answer were stored)" : "";
            s.append(String.format(Locale.ROOT, "- %s: %,d attempts stored, %,d acknowledged%s.%n", db, t[0], t[1], verdict));
            for (String path : phases.stream().filter(p -> p.db.equals(db) && p.seconds > 0).map(Phase::path).distinct().toList()) {
                String crossing = phases.stream().filter(p -> p.db.equals(db) && p.path.equals(path) && p.seconds > 0 && p.p99 > 100)
                        .map(p -> p.rate + "/s").findFirst().orElse("none up to " + rates.stream().mapToInt(Integer::intValue).max().orElse(0) + "/s");
                String goal = phases.stream().filter(p -> p.db.equals(db) && p.path.equals(path) && p.rate == 400 && p.seconds > 0)
                        .map(p -> p.p99 < 20 ? "met" : "not met").findFirst().orElse("not measured");
                s.append(String.format(Locale.ROOT, "- %s, %s path: p99 first above 100 ms at %s; p99 < 20 ms at 400/s: %s.%n", db, path, crossing, goal));
            }
        }
        return s.toString();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.replaceAll(".*:\\s*", "")).findFirst().orElse("CPU unknown");
        } catch (IOException e) {
            return "CPU unknown";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** {@code java -jar target/argmax.jar serve} on a free port, stopped (gracefully) on close. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Server start(Path jar, Path content, String url, Path log) throws Exception {
            List<String> java = new ArrayList<>();
            // e.g. a profiler: SERVER_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/grading.jfr'
            java.addAll(Arrays.stream(env("SERVER_JAVA_OPTS", "").split("\\s+")).filter(o -> !o.isEmpty()).toList());
            java.addAll(List.of("-jar", jar.toString()));
            return start(java, content, url, log);
        }

        /**
         * The server from this JVM's class path (the tests': no jar is built before them) in one JVM with
         * the memory options the launcher gives the server: heap, collector, huge pages, native-heap trimming ({@code Launcher.serverMemoryOptions}).
         */
        static Server fromClassPath(Path content, String url, Path log) throws Exception {
            List<String> java = new ArrayList<>(org.argmax.cli.Launcher.serverMemoryOptions());
            java.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.argmax.cli.Main"));
            return start(java, content, url, log);
        }

        private static Server start(List<String> java, Path content, String url, Path log) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(java);
            command.addAll(List.of("serve", "--port", Integer.toString(port), "--content", content.toString(), "--db", url, "--db-user", "sa",
                    "--trust-proxy"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server server = new Server(p, port);
            HttpClient probe = HttpClient.newHttpClient();
            int startSeconds = Integer.parseInt(env("START_TIMEOUT", "300"));
            for (int i = 0; i < startSeconds * 4; i++) {
                if (!p.isAlive()) throw new IllegalStateException("the server exited with " + p.exitValue() + "; see " + log);
                try {
                    if (probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return server;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            server.close();
            throw new IllegalStateException("the server did not answer /health within " + startSeconds + " s; see " + log);
        }

        /** CPU time of the server: the launcher and the JVM it starts for the server (java -jar … serve re-executes itself). */
        Duration cpu() {
            return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
        }

        /** Resident memory of each of the server's processes (the launcher, then the server's JVM), from /proc. */
        String rss() {
            return Stream.concat(Stream.of(process.toHandle()), process.descendants()).map(h -> {
                try {
                    return Files.readAllLines(Path.of("/proc/" + h.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                            .map(l -> l.replaceAll("VmRSS:\\s*(\\d+) kB", "$1")).map(kb -> Long.parseLong(kb.strip()) / 1024 + " MB")
                            .findFirst().orElse("?");
                } catch (IOException | RuntimeException e) {
                    return "?";
                }
            }).collect(Collectors.joining(" + ", "", " (launcher + server JVM)"));
        }

        /**
         * Stops the launcher, which stops the server's JVM the normal way (its H2 file compacted), and
         * waits for that JVM too: the attempts are counted in the file afterwards, which H2 locks
         * while the server has it open (an overloaded server can take minutes to finish its backlog).
         */
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(300, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                    child.onExit().join();
                }
            }
        }
    }
}
