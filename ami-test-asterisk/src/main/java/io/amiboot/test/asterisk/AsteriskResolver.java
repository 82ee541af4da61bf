package io.amiboot.test.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides where the test Asterisk comes from. Order:
 * <ol>
 * <li>{@code -Damiboot.asterisk.url} / {@code AMIBOOT_ASTERISK_URL}: an external, already running server;
 * {@code AMIBOOT_ASTERISK_CONTROL} (a script taking {@code start}/{@code stop}) makes it restartable;</li>
 * <li>Docker (Testcontainers): an image built from {@code docker/asterisk/Dockerfile};</li>
 * <li>root on Linux: the chroot rootfs managed by {@code scripts/asterisk.sh};</li>
 * <li>otherwise: {@link AsteriskUnavailableException} (tests fail, never skip).</li>
 * </ol>
 * {@code AMIBOOT_ASTERISK_MODE} / {@code -Damiboot.asterisk.mode} = {@code external|container|rootfs} forces one way.
 */
final class AsteriskResolver {

    static final String URL_PROPERTY = "amiboot.asterisk.url";
    static final String URL_ENV = "AMIBOOT_ASTERISK_URL";
    static final String CONTROL_PROPERTY = "amiboot.asterisk.control";
    static final String CONTROL_ENV = "AMIBOOT_ASTERISK_CONTROL";
    static final String MODE_PROPERTY = "amiboot.asterisk.mode";
    static final String MODE_ENV = "AMIBOOT_ASTERISK_MODE";

    static final String SCRIPT = "scripts/asterisk.sh";
    static final String DOCKERFILE = "docker/asterisk/Dockerfile";
    static final String CONFIG_DIR = "asterisk/etc";

    sealed interface Choice permits External, Container, Rootfs {
    }

    /** @param control script taking start/stop, or null */
    record External(AmiEndpoint endpoint, Path control) implements Choice {
    }

    /** @param repositoryRoot holds docker/asterisk/Dockerfile and asterisk/etc */
    record Container(Path repositoryRoot) implements Choice {
    }

    record Rootfs(Path script) implements Choice {
    }

    private AsteriskResolver() {
    }

    static Choice choose(Environment env) {
        String forced = setting(env, MODE_PROPERTY, MODE_ENV);
        String url = setting(env, URL_PROPERTY, URL_ENV);
        String control = setting(env, CONTROL_PROPERTY, CONTROL_ENV);

        if (forced != null) {
            return chooseForced(env, forced.trim().toLowerCase(Locale.ROOT), url, control);
        }
        List<String> tried = new ArrayList<>();

        // (a) external server
        if (url != null) {
            return external(env, url, control);
        }
        tried.add("1. external server: " + URL_ENV + " (or -D" + URL_PROPERTY + ") is not set");

        // (b) Docker
        Optional<Path> dockerRoot = findUp(env.workingDirectory(), DOCKERFILE);
        if (env.isDockerAvailable()) {
            if (dockerRoot.isPresent()) {
                return new Container(dockerRoot.get());
            }
            tried.add("2. Docker: available, but " + DOCKERFILE + " was not found above " + env.workingDirectory());
        }
        else {
            tried.add("2. Docker (Testcontainers): no working Docker environment");
        }

        // (c) rootfs via scripts/asterisk.sh
        String rootfsProblem = rootfsProblem(env);
        if (rootfsProblem == null) {
            return new Rootfs(findUp(env.workingDirectory(), SCRIPT).orElseThrow().resolve(SCRIPT));
        }
        tried.add("3. chroot rootfs via " + SCRIPT + ": " + rootfsProblem);

        // (d) nothing
        throw new AsteriskUnavailableException(unavailableMessage(tried));
    }

    private static Choice chooseForced(Environment env, String mode, String url, String control) {
        String prefix = "amiboot.asterisk.mode / " + MODE_ENV + " = " + mode + ", but ";
        switch (mode) {
            case "external":
                if (url == null) {
                    throw new AsteriskUnavailableException(prefix + URL_ENV + " (or -D" + URL_PROPERTY + ") is not set.");
                }
                return external(env, url, control);
            case "container":
                if (!env.isDockerAvailable()) {
                    throw new AsteriskUnavailableException(prefix + "Docker is not available to Testcontainers.");
                }
                return new Container(findUp(env.workingDirectory(), DOCKERFILE).orElseThrow(() -> new AsteriskUnavailableException(
                        prefix + DOCKERFILE + " was not found in " + env.workingDirectory() + " or its parents.")));
            case "rootfs":
                String problem = rootfsProblem(env);
                if (problem != null) {
                    throw new AsteriskUnavailableException(prefix + problem);
                }
                return new Rootfs(findUp(env.workingDirectory(), SCRIPT).orElseThrow().resolve(SCRIPT));
            default:
                throw new AsteriskUnavailableException(
                        "Unknown amiboot.asterisk.mode / " + MODE_ENV + " '" + mode + "': use external, container or rootfs.");
        }
    }

    private static External external(Environment env, String url, String control) {
        AmiEndpoint endpoint;
        try {
            endpoint = AmiEndpoint.parse(url);
        }
        catch (IllegalArgumentException e) {
            throw new AsteriskUnavailableException(URL_ENV + " / -D" + URL_PROPERTY + ": " + e.getMessage(), e);
        }
        Path controlScript = null;
        if (control != null) {
            controlScript = Path.of(control);
            if (!controlScript.isAbsolute()) {
                // relative to the working directory or one of its parents (Maven runs tests in the module directory)
                Path relative = controlScript;
                controlScript = findUp(env.workingDirectory(), control).map(dir -> dir.resolve(relative))
                        .orElse(env.workingDirectory().resolve(relative));
            }
            if (!Files.isRegularFile(controlScript)) {
                throw new AsteriskUnavailableException(CONTROL_ENV + " / -D" + CONTROL_PROPERTY + " = " + control
                        + " is not a file (expected a script taking start/stop, e.g. scripts/asterisk.sh).");
            }
        }
        return new External(endpoint, controlScript);
    }

    /** Null when the rootfs way can be used, else why not. */
    private static String rootfsProblem(Environment env) {
        if (!env.isLinux()) {
            return "only on Linux";
        }
        if (!env.isRoot()) {
            return "needs root (debootstrap, mount, chroot), and this JVM does not run as root";
        }
        if (findUp(env.workingDirectory(), SCRIPT).isEmpty()) {
            return SCRIPT + " not found in " + env.workingDirectory() + " or its parents";
        }
        return null;
    }

    static String unavailableMessage(List<String> tried) {
        return String.join("\n",
                "No real Asterisk is available for the integration tests. Tried, in this order:",
                "  " + String.join("\n  ", tried),
                "Get one by any of:",
                "  - pointing the tests at a running Asterisk 22 that uses the config in " + CONFIG_DIR + ":",
                "      export " + URL_ENV + "=ami://amiboot:amiboot@127.0.0.1:15038",
                "    (optionally " + CONTROL_ENV + "=/path/to/" + SCRIPT + " so tests can restart it);",
                "  - installing and starting Docker (the tests then build " + DOCKERFILE + ");",
                "  - running the build as root on Linux, or starting the server yourself:",
                "      sudo " + SCRIPT + " start && export " + URL_ENV + "=$(" + SCRIPT + " url) "
                        + CONTROL_ENV + "=$PWD/" + SCRIPT + ";",
                "  - or leave the integration tests out: mvn verify -DskipITs");
    }

    /** Property wins over environment variable; blank counts as unset. */
    static String setting(Environment env, String property, String envVar) {
        String value = env.property(property);
        if (value == null || value.isBlank()) {
            value = env.getenv(envVar);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first of {@code start} and its parents that contains {@code relative}. */
    static Optional<Path> findUp(Path start, String relative) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
