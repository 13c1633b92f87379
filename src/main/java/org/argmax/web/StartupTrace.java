package org.argmax.web;

/**
 * Where start-up goes: with {@code -Dargmax.startupTrace=true} (or the environment variable
 * {@code ARGMAX_STARTUP_TRACE=1}) each phase prints one line to stderr, e.g.
 * {@code [startup]   812 ms  (+ 304)  cpu   950 ms (+ 310)  database: pool and migrations}:
 * wall-clock time counted from the start of the process the user started (the launcher's, when
 * {@code cli/Launcher} re-executed the JVM), and the printing JVM's CPU time (JIT and GC threads
 * included). Off by default; then every call is one flag test.
 */
public final class StartupTrace {
    /** The launcher passes the start of its own process, so the child's lines count from what the user started. */
    public static final String ORIGIN_PROPERTY = "argmax.startOrigin";
    private static final boolean ON = Boolean.getBoolean("argmax.startupTrace") || "1".equals(System.getenv("ARGMAX_STARTUP_TRACE"));
    private static long origin = -1;
    private static long last;
    private static long lastCpu;
    private static boolean firstRequestSeen;

    private StartupTrace() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Prints the time since the process started and since the previous mark. */
    public static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.currentTimeMillis();
        if (origin < 0) {
            origin = Long.getLong(ORIGIN_PROPERTY, processStartMillis(now));
            last = origin;
        }
        long cpu = processCpuMillis();
        System.err.printf("[startup] %5d ms  (+%4d)  cpu %5d ms (+%4d)  %s%n", now - origin, now - last, cpu, cpu - lastCpu, phase);
        last = now;
        lastCpu = cpu;
    }

    /** User + system CPU time of this process (all threads: JIT and GC included) from /proc, in 10 ms steps; 0 elsewhere. */
    static long processCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in clock ticks of 10 ms
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * When this process started, in epoch milliseconds, to within 10 ms: its age from /proc (uptime
     * minus its start in clock ticks since boot) subtracted from {@code now}. Not
     * {@code ProcessHandle.startInstant()}, which adds the boot time in whole seconds and so was off by
     * up to a second (BENCHMARKS.md, start-up, 17:13 UTC). Elsewhere than on Linux, that or {@code now}.
     */
    public static long processStartMillis(long now) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22, starttime, in clock ticks of 10 ms since boot
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
            double uptimeSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return now - Math.round(uptimeSeconds * 1000 - startTicks * 10.0);
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(now);
        }
    }

    /** Marks the first response the server has sent (only once). */
    public static void firstResponse(String path, int status) {
        if (!ON) return;
        synchronized (StartupTrace.class) {
            if (firstRequestSeen) return;
            firstRequestSeen = true;
        }
        mark("first response: " + status + " " + path);
    }
}
