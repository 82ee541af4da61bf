package io.amiboot.client;

/**
 * Asterisk refused the login; {@link #getMessage()} carries Asterisk's own words.
 */
public class AmiAuthenticationException extends AmiException {

    private final String asteriskMessage;

    public AmiAuthenticationException(String username, String asteriskMessage) {
        super("Asterisk refused the login of user '" + username + "': " + asteriskMessage);
        this.asteriskMessage = asteriskMessage;
    }

    /** The {@code Message} header of Asterisk's error response, e.g. {@code Authentication failed}. */
    public String asteriskMessage() {
        return asteriskMessage;
    }
}
