package io.amiboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports clients that did not log in while startup waited for them ({@code ami.startup.wait=true}). */
final class AmiStartupFailureAnalyzer extends AbstractFailureAnalyzer<AmiStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AmiStartupException cause) {
        StringBuilder description = new StringBuilder(
                "The application waited for the AMI clients to log in (ami.startup.wait=true), but:");
        cause.getFailures().forEach(failure -> description.append(System.lineSeparator()).append("  - ").append(failure));
        return new FailureAnalysis(description.toString(),
                "Check that Asterisk is running and reachable, and that manager.conf accepts this user from this "
                        + "address (ami.url, or ami.servers.<name>.url). To start without waiting, set "
                        + "ami.startup.wait=false: the clients then keep reconnecting and /actuator/health shows why "
                        + "they are down. To wait longer, raise ami.startup.timeout.",
                cause);
    }
}
