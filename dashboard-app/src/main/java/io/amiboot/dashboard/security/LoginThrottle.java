package io.amiboot.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts failed sign-ins per user name and per client address and says how long the next attempt must wait.
 *
 * <p>A failure counts for the user name and for the address; a success clears the user name only. It does not
 * clear the address: someone holding one valid account could otherwise interleave their own sign-ins with guesses
 * at other accounts. The caller asks right before each password check ({@link ThrottledAuthenticationManager}
 * does so on the thread that hashes), so a parallel burst of guesses gets at most as many checks past the limit
 * as run at once; parallel sign-ins that succeed are never held back.
 *
 * <p>Both tables hold at most {@code max-tracked} entries each, the least recently used evicted first, and user
 * names and addresses are kept to their first {@value #MAX_KEY_LENGTH} characters, so rotating names or addresses cannot grow
 * memory. Thread-safe; each call holds one monitor for a few map operations and never blocks otherwise.
 */
final class LoginThrottle {

    /** Longest user name or address kept as a key; longer ones are cut (they share a count, which errs on the safe side). */
    static final int MAX_KEY_LENGTH = 64;

    private final LoginThrottleProperties settings;

    private final Clock clock;

    private final Attempts users;

    private final Attempts addresses;

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.users = new Attempts(settings.maxTracked());
        this.addresses = new Attempts(settings.maxTracked());
    }

    /**
     * How long an attempt must wait before its password may be checked; a refused attempt counts for nothing.
     *
     * @return zero if the attempt may check its password now, otherwise the time until it may
     */
    synchronized Duration waitBeforeAttempt(String user, String address) {
        Instant now = clock.instant();
        return longer(users.wait(userKey(user), now, settings.failuresPerUser()),
                addresses.wait(addressKey(address), now, settings.failuresPerAddress()));
    }

    /** A checked password was wrong: one more failure for the user name and for the address. */
    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        users.count(userKey(user), now);
        addresses.count(addressKey(address), now);
    }

    /** A checked password was right: the user name starts afresh (the address does not, see above). */
    synchronized void succeeded(String user) {
        users.clear(userKey(user));
    }

    /** How many user names and addresses are remembered, for tests of the bound. */
    synchronized int tracked() {
        return users.counts.size() + addresses.counts.size();
    }

    /** How many characters the remembered keys hold, for tests of the bound. */
    synchronized int keyCharacters() {
        return users.counts.keySet().stream().mapToInt(String::length).sum()
                + addresses.counts.keySet().stream().mapToInt(String::length).sum();
    }

    private static String userKey(String user) {
        return cut(user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return cut(address);
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** The wait after {@code failures} failures once {@code limit} were reached: initial delay, doubled per failure, capped. */
    private Duration delay(int failures, int limit) {
        Duration delay = settings.initialDelay();
        for (int doubling = limit; doubling < failures && delay.compareTo(settings.maxDelay()) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) < 0 ? delay : settings.maxDelay();
    }

    /** One key's count: failures and when the last happened. */
    private static final class Count {

        int failures;

        Instant last;
    }

    /** A bounded table of counts, the least recently used evicted first. */
    private final class Attempts {

        private final Map<String, Count> counts;

        Attempts(int capacity) {
            this.counts = new LinkedHashMap<>(16, 0.75f, true) {

                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                    return size() > capacity;
                }
            };
        }

        Duration wait(String key, Instant now, int limit) {
            Count count = counts.get(key);
            if (count == null) {
                return Duration.ZERO;
            }
            if (!now.isBefore(count.last.plus(settings.forgetAfter()))) {
                counts.remove(key);
                return Duration.ZERO;
            }
            if (count.failures < limit) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, count.last.plus(delay(count.failures, limit)));
            return wait.isNegative() ? Duration.ZERO : wait;
        }

        void count(String key, Instant now) {
            Count count = counts.computeIfAbsent(key, k -> new Count());
            count.failures++;
            count.last = now;
        }

        void clear(String key) {
            counts.remove(key);
        }
    }
}
