package io.amiboot.autoconfigure;

/**
 * An {@code ami.*} property has a value the clients cannot use. The message names the property and what is
 * wrong, never the secret; {@link InvalidAmiPropertyFailureAnalyzer} turns it into a startup report.
 */
public class InvalidAmiPropertyException extends IllegalStateException {

    /** The full property name. */
    private final String property;

    /** What is wrong, without the secret. */
    private final String problem;

    /** What to do about it. */
    private final String action;

    /**
     * Names a property whose value cannot be used.
     *
     * @param property the full property name, such as {@code ami.url} or {@code ami.servers.pbx1.connect-timeout}
     * @param problem what is wrong, without the secret
     * @param action what to do about it
     */
    public InvalidAmiPropertyException(String property, String problem, String action) {
        super("Invalid property '" + property + "': " + problem);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    /** {@return the full name of the property} */
    public String getProperty() {
        return property;
    }

    /** {@return what is wrong with it} */
    public String getProblem() {
        return problem;
    }

    /** {@return what to do about it} */
    public String getAction() {
        return action;
    }
}
