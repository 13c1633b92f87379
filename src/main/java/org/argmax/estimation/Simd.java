package org.argmax.estimation;

/**
 * Whether the core's vector kernels ({@link MixtureKernelVector}, {@link LogisticVector}, {@link LloydVector}) run:
 * when the JVM has the module jdk.incubator.vector ({@code --add-modules jdk.incubator.vector}) on a
 * CPU with 256-bit vectors, and the system property {@code argmax.vector} is not {@code false}. Each
 * kernel has a scalar twin with the same arithmetic in the same order, so this changes the speed, not
 * a result.
 */
final class Simd {
    static final boolean VECTOR = available();

    private Simd() {
    }

    private static boolean available() {
        if (!Boolean.parseBoolean(System.getProperty("argmax.vector", "true"))) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return MixtureKernelVector.usable();
        } catch (LinkageError e) {
            return false;
        }
    }
}
