package io.amiboot.client;

/**
 * Asterisk refused the login; {@link #getMessage()} carries Asterisk's own words.
 */
public class AmiAuthenticationException extends AmiException {

    /** What Asterisk said in refusing. */
    private final String asteriskMessage;

    /**
     * The refusal of {@code username}'s login.
     *
     * @param username the user that tried to log in (never the secret)
     * @param asteriskMessage the {@code Message} header of Asterisk's error response
     */
    public AmiAuthenticationException(String username, String asteriskMessage) {
        super("Asterisk refused the login of user '" + username + "': " + asteriskMessage);
        this.asteriskMessage = asteriskMessage;
    }

    /** {@return the {@code Message} header of Asterisk's error response, e.g. {@code Authentication failed}} */
    public String asteriskMessage() {
        return asteriskMessage;
    }
}
