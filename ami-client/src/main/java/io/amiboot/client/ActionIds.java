package io.amiboot.client;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The ActionIDs of one connection: a random prefix, then a counter ({@code k3f9q2-1}, {@code k3f9q2-2}, …), so
 * that IDs are unique within the connection and unlikely to equal another AMI session's. Asterisk broadcasts
 * some events with the ActionID of the session that caused them ({@code OriginateResponse}, {@code UserEvent}):
 * with plain counters every client would use {@code 1, 2, 3…} and those events would match this client's actions.
 * Used on one event loop thread.
 */
final class ActionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    /** Six base-36 characters: about 2.2 billion prefixes. */
    private static final int PREFIX_LENGTH = 6;

    /** What a prefix may be: characters that need no escaping anywhere an ActionID is shown. */
    private static final Pattern PREFIX = Pattern.compile("[0-9A-Za-z]{1,32}");

    private final String prefix;

    private long next = 1;

    private ActionIds(String prefix) {
        this.prefix = prefix + "-";
    }

    /** IDs with a fresh random prefix, one per connection. */
    static ActionIds random() {
        char[] prefix = new char[PREFIX_LENGTH];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = DIGITS[RANDOM.nextInt(DIGITS.length)];
        }
        return new ActionIds(new String(prefix));
    }

    /** IDs with a given prefix, for tests that need to know them in advance. */
    static ActionIds withPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("ActionID prefix must be 1 to 32 letters or digits but is " + prefix);
        }
        return new ActionIds(prefix);
    }

    /** The next ID, never one given out before by this instance. */
    String next() {
        return prefix + next++;
    }

    /** The prefix, its dash included. */
    String prefix() {
        return prefix;
    }
}
