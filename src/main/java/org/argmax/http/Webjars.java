package org.argmax.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the webjars on the classpath, read from their Maven metadata: URLs must name the version. */
public final class Webjars {
    private Webjars() {
    }

    public static String version(String npmName) {
        String path = "META-INF/maven/org.webjars.npm/" + npmName + "/pom.properties";
        try (InputStream in = Webjars.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("webjar " + npmName + " is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
