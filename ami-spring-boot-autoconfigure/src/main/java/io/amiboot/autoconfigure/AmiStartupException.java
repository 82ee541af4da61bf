package io.amiboot.autoconfigure;

import java.util.List;

/**
 * With {@code ami.startup.wait=true}, one or more clients did not log in before {@code ami.startup.timeout}
 * (or were refused). Messages name the servers and their masked URLs, never a secret.
 */
public class AmiStartupException extends IllegalStateException {

    /** One line per server that did not log in. */
    private final List<String> failures;

    /**
     * Reports the servers that did not log in.
     *
     * @param failures one line per server that did not log in: its name, masked URL, and why
     * @param cause the first server's failure
     */
    public AmiStartupException(List<String> failures, Throwable cause) {
        super("AMI clients did not log in at startup: " + String.join("; ", failures), cause);
        this.failures = List.copyOf(failures);
    }

    /** {@return one line per server that did not log in: its name, masked URL, and why} */
    public List<String> getFailures() {
        return failures;
    }
}
