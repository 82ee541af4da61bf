package io.amiboot.test.asterisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** What {@link AsteriskResolver} looks at; a seam so the resolution order can be unit tested. */
interface Environment {

    /** Environment variable, or null. */
    String getenv(String name);

    /** System property, or null. */
    String property(String name);

    boolean isLinux();

    boolean isRoot();

    /** Expensive (talks to Docker); only called when no external server is configured. */
    boolean isDockerAvailable();

    /** Debian or a derivative: apt-get can install the packages that tests need. */
    boolean isDebian();

    boolean isExecutable(Path file);

    /** Where to start looking for the repository (scripts/asterisk.sh, docker/asterisk/Dockerfile). */
    Path workingDirectory();

    static Environment system() {
        return new Environment() {
            @Override
            public String getenv(String name) {
                return System.getenv(name);
            }

            @Override
            public String property(String name) {
                return System.getProperty(name);
            }

            @Override
            public boolean isLinux() {
                return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
            }

            @Override
            public boolean isRoot() {
                if (!isLinux()) {
                    return false;
                }
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                        if (line.startsWith("Uid:")) {
                            String[] ids = line.substring(4).trim().split("\\s+");
                            return ids.length > 1 && "0".equals(ids[1]); // effective uid
                        }
                    }
                }
                catch (IOException | RuntimeException e) {
                    // fall through
                }
                return "root".equals(System.getProperty("user.name"));
            }

            @Override
            public boolean isDockerAvailable() {
                try {
                    return DockerClientFactory.instance().isDockerAvailable();
                }
                catch (RuntimeException | LinkageError e) {
                    return false;
                }
            }

            @Override
            public boolean isDebian() {
                return isLinux() && Files.isRegularFile(Path.of("/etc/debian_version"));
            }

            @Override
            public boolean isExecutable(Path file) {
                return Files.isRegularFile(file) && Files.isExecutable(file);
            }

            @Override
            public Path workingDirectory() {
                return Path.of(System.getProperty("user.dir")).toAbsolutePath();
            }
        };
    }
}
