package io.amiboot.test.asterisk;

/** Starts and stops the server behind a {@link ManagedAsterisk}. Implementations block until done. */
interface Control {

    /** Starts the server (no-op when it runs). Readiness is checked by the caller. */
    void start();

    void stop();

    default void restart() {
        stop();
        start();
    }

    /** Releases resources at the end (the server is already stopped if it was ours). */
    default void close() {
    }
}
