package io.amiboot.test.asterisk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Test double for {@link Environment}. */
final class FakeEnvironment implements Environment {

    final Map<String, String> env = new HashMap<>();

    final Map<String, String> properties = new HashMap<>();

    boolean linux = true;

    boolean root = false;

    boolean docker = false;

    int dockerChecks = 0;

    boolean debian = true;

    final Set<Path> executables = new HashSet<>();

    Path workingDirectory;

    FakeEnvironment(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String getenv(String name) {
        return env.get(name);
    }

    @Override
    public String property(String name) {
        return properties.get(name);
    }

    @Override
    public boolean isLinux() {
        return linux;
    }

    @Override
    public boolean isRoot() {
        return root;
    }

    @Override
    public boolean isDockerAvailable() {
        dockerChecks++;
        return docker;
    }

    @Override
    public boolean isDebian() {
        return debian;
    }

    @Override
    public boolean isExecutable(Path file) {
        return executables.contains(file);
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }
}
