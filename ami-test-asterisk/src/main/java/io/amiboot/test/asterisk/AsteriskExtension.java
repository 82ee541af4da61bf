package io.amiboot.test.asterisk;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that resolves {@link TestAsterisk} parameters with a real Asterisk 22. Use it through
 * {@link RealAsterisk}.
 *
 * <p>Where the server comes from (first match wins):
 * <ol>
 * <li>{@code AMIBOOT_ASTERISK_URL} / {@code -Damiboot.asterisk.url} ({@code ami://user:secret@host:port}): an already
 * running server; with {@code AMIBOOT_ASTERISK_CONTROL=/path/to/scripts/asterisk.sh} it is restartable;</li>
 * <li>Docker available to Testcontainers: a container built from {@code docker/asterisk/Dockerfile};</li>
 * <li>root on Linux: {@code scripts/asterisk.sh start} (found by walking up from {@code user.dir});</li>
 * <li>otherwise the test fails with instructions (it is never skipped).</li>
 * </ol>
 * {@code AMIBOOT_ASTERISK_MODE=external|container|rootfs} forces one of them.
 *
 * <p>One server per JVM, shared by all test classes; the extension stops it at the end of the test run only if it
 * started it. Every hand-out is preceded by a check that AMI answers with its banner.
 */
public final class AsteriskExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsteriskExtension.class);

    /** Made by JUnit, through {@link RealAsterisk} or {@code @ExtendWith}. */
    public AsteriskExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestAsterisk.class;
    }

    @Override
    public TestAsterisk resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // closed (= server stopped if we started it) when the whole test run ends
        extensionContext.getRoot().getStore(NAMESPACE).computeIfAbsent(ShutdownAtEnd.class, key -> new ShutdownAtEnd(),
                ShutdownAtEnd.class);
        try {
            return SharedAsterisk.get();
        }
        catch (AsteriskUnavailableException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * The shared server for code that cannot take a parameter, e.g. a Spring {@code @DynamicPropertySource} method.
     * Stopped by a JVM shutdown hook (or at the end of the JUnit run) if it was started for the tests.
     *
     * @return the server, started if needed
     * @throws AsteriskUnavailableException if no Asterisk can be found or started
     */
    public static TestAsterisk sharedAsterisk() {
        return SharedAsterisk.get();
    }

    private static final class ShutdownAtEnd implements AutoCloseable {

        @Override
        public void close() {
            SharedAsterisk.close();
        }
    }
}
