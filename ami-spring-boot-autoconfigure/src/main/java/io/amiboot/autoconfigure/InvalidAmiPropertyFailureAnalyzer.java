package io.amiboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an unusable {@code ami.*} property: which one, what is wrong, and what to do. */
final class InvalidAmiPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAmiPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidAmiPropertyException cause) {
        return new FailureAnalysis("The AMI client configuration is invalid: property '" + cause.getProperty() + "' "
                + cause.getProblem(), cause.getAction(), cause);
    }
}
