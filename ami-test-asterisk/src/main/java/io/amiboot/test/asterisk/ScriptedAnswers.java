package io.amiboot.test.asterisk;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** What the scripted peer says: its banner, and the answer to each action (scripted, or as Asterisk answers). */
final class ScriptedAnswers {

    private static final String FULLY_BOOTED =
            "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3600\r\nLastReload: 60\r\nStatus: Fully Booted\r\n\r\n";

    private final Map<String, Function<Map<String, String>, String>> scripts = new ConcurrentHashMap<>();

    private final ScriptedLogin login = new ScriptedLogin();

    private volatile String banner = "Asterisk Call Manager/11.0.0";

    private volatile boolean silent;

    /** The first line every new connection reads, without its CRLF. */
    String banner() {
        return banner;
    }

    void banner(String line) {
        this.banner = Objects.requireNonNull(line, "line");
    }

    void requireLogin(String username, String secret) {
        login.require(username, secret);
    }

    /** Answers {@code action} (any case) with {@code script}, written as is. */
    void script(String action, Function<Map<String, String>, String> script) {
        scripts.put(action.toLowerCase(Locale.ROOT), Objects.requireNonNull(script, "script"));
    }

    /** Whether it says nothing at all any more (no banner, no answer). */
    boolean silent() {
        return silent;
    }

    void goSilent() {
        silent = true;
    }

    /** The answer to the action {@code name} with these headers; empty for none. */
    String answer(String name, Map<String, String> action) {
        String key = name.toLowerCase(Locale.ROOT);
        Function<Map<String, String>, String> script = scripts.get(key);
        if (script != null) {
            return script.apply(action);
        }
        if (key.equals("login")) {
            return login.accepts(action)
                    ? withActionId(action, "Response: Success\r\nMessage: Authentication accepted\r\n\r\n") + FULLY_BOOTED
                    : withActionId(action, "Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
        return withActionId(action, switch (key) {
            case "challenge" -> "Response: Success\r\nChallenge: " + ScriptedLogin.CHALLENGE + "\r\n\r\n";
            case "ping" -> "Response: Success\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n";
            case "coresettings" -> "Response: Success\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0-fake\r\n\r\n";
            case "logoff" -> "Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n";
            default -> "Response: Error\r\nMessage: Invalid/unknown command\r\n\r\n";
        });
    }

    /** {@code messages} with the action's ActionID (if it had one) after the first line of each message. */
    static String withActionId(Map<String, String> action, String messages) {
        String id = action.get("ActionID");
        if (id == null) {
            return messages;
        }
        StringBuilder out = new StringBuilder();
        for (String message : messages.split("(?<=\r\n\r\n)")) {
            int firstLineEnd = message.indexOf("\r\n");
            if (firstLineEnd < 0) {
                out.append(message);
            }
            else {
                out.append(message, 0, firstLineEnd + 2).append("ActionID: ").append(id).append("\r\n")
                        .append(message, firstLineEnd + 2, message.length());
            }
        }
        return out.toString();
    }
}
