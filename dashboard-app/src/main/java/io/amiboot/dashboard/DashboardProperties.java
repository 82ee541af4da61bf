package io.amiboot.dashboard;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard ({@code dashboard.*}).
 *
 * @param originateContexts the dialplan contexts calls may be originated and transferred into (toll-fraud guard)
 * @param users the users by name; with none, one {@code admin} with a random password printed at startup
 * @param allowedOrigins origins allowed to open the WebSocket besides the dashboard's own
 * @param sessionBacklog how many distinct pending updates a slow WebSocket session may hold before older ones
 *        are coalesced into a fresh snapshot
 * @param demo demo traffic, off by default
 * @param originateVariables the channel variables an originate may set (without {@code _}/{@code __}); none by
 *        default, and never one Asterisk acts on
 * @param eventLog what the raw event log leaves out
 * @param sessionCheckInterval how often an open WebSocket checks that its login session is still valid
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(@DefaultValue("demo") List<String> originateContexts, Map<String, User> users,
        @DefaultValue List<String> allowedOrigins, @DefaultValue("256") int sessionBacklog, @DefaultValue Demo demo,
        @DefaultValue List<String> originateVariables, @DefaultValue EventLogPrivacy eventLog,
        @DefaultValue("5s") Duration sessionCheckInterval) {

    /**
     * Copies the collections so the record stays immutable.
     *
     * @param originateContexts the allowed contexts, copied
     * @param users the users, copied; {@code null} for none
     * @param allowedOrigins the further WebSocket origins, copied
     * @param sessionBacklog the bound of each session's pending updates
     * @param demo the demo traffic settings
     * @param originateVariables the allowed variables, copied; {@code null} for none
     * @param eventLog what the event log leaves out; {@code null} for the defaults
     * @param sessionCheckInterval how often sockets recheck their login session; {@code null} for 5 seconds
     * @throws IllegalArgumentException if {@code sessionCheckInterval} is not positive
     */
    public DashboardProperties {
        originateContexts = List.copyOf(originateContexts);
        users = users == null ? Map.of() : Map.copyOf(users);
        allowedOrigins = List.copyOf(allowedOrigins);
        originateVariables = originateVariables == null ? List.of() : List.copyOf(originateVariables);
        eventLog = eventLog == null ? new EventLogPrivacy(null, null) : eventLog;
        sessionCheckInterval = sessionCheckInterval == null ? Duration.ofSeconds(5) : sessionCheckInterval;
        if (sessionCheckInterval.isNegative() || sessionCheckInterval.isZero()) {
            throw new IllegalArgumentException("dashboard.session-check-interval must be positive");
        }
    }

    /**
     * What the raw event log (for supervisors) leaves out, because it carries digits typed into IVRs, variable
     * values, call records or authentication details.
     *
     * @param deniedClasses AMI event classes, as Asterisk names them in each event's {@code Privilege} header
     *        (default: dtmf, dialplan, security, cdr, cel, agi)
     * @param deniedEvents AMI event names, compared ignoring case (default: DTMF, VarSet, Newexten, Cdr, CEL,
     *        VoicemailPasswordChange and the security events that carry authentication details, so that they stay out
     *        even where an event arrives without its class)
     */
    public record EventLogPrivacy(List<String> deniedClasses, List<String> deniedEvents) {

        static final List<String> DEFAULT_DENIED_CLASSES = List.of("dtmf", "dialplan", "security", "cdr", "cel", "agi");

        static final List<String> DEFAULT_DENIED_EVENTS = List.of("DTMFBegin", "DTMFEnd", "VarSet", "Newexten", "Cdr",
                "CEL", "VoicemailPasswordChange", "ChallengeResponseFailed", "ChallengeSent", "InvalidPassword",
                "InvalidAccountID", "FailedACL", "SuccessfulAuth");

        /**
         * Fills in the defaults and copies the lists so the record stays immutable.
         *
         * @param deniedClasses the denied event classes, copied; {@code null} for the defaults
         * @param deniedEvents the denied event names, copied; {@code null} for the defaults
         */
        public EventLogPrivacy {
            deniedClasses = deniedClasses == null ? DEFAULT_DENIED_CLASSES : List.copyOf(deniedClasses);
            deniedEvents = deniedEvents == null ? DEFAULT_DENIED_EVENTS : List.copyOf(deniedEvents);
        }
    }

    /**
     * Demo traffic: real calls originated into the demo dialplan so a newcomer sees a live board.
     *
     * @param enabled whether to originate demo calls
     * @param callsPerMinute how many calls to start per minute
     * @param context the dialplan context of the demo extensions
     * @param extensions the extensions to call (100 short call, 301 queue sales, 500 long call, 600 music on hold)
     * @param minSeconds the shortest demo call
     * @param maxSeconds the longest demo call
     */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("6") int callsPerMinute,
            @DefaultValue("demo") String context, @DefaultValue({ "100", "301", "500", "600" }) List<String> extensions,
            @DefaultValue("20") int minSeconds, @DefaultValue("90") int maxSeconds) {

        /**
         * Checks the settings and copies the list so the record stays immutable.
         *
         * @param enabled whether to originate demo calls
         * @param callsPerMinute calls per minute, at least 1
         * @param context the demo dialplan context
         * @param extensions the extensions to call, copied; at least one
         * @param minSeconds the shortest call in seconds, at least 1
         * @param maxSeconds the longest call in seconds, at least {@code minSeconds}
         * @throws IllegalArgumentException if a bound above is broken
         */
        public Demo {
            extensions = List.copyOf(extensions);
            if (callsPerMinute < 1 || minSeconds < 1 || maxSeconds < minSeconds || extensions.isEmpty()) {
                throw new IllegalArgumentException("dashboard.demo needs calls-per-minute >= 1, 1 <= min-seconds <= "
                        + "max-seconds and at least one extension");
            }
        }
    }

    /**
     * One user.
     *
     * @param password the bcrypt hash of the password ({@code $2a$...}, optionally prefixed with {@code {bcrypt}})
     * @param role what the user may do
     */
    public record User(String password, @DefaultValue("viewer") Role role) {
    }

    /** What a user may do; each board role includes the board roles before it, the metrics role stands alone. */
    public enum Role {

        /** Sees the board and subscribes to it. */
        VIEWER,

        /** Also originates, hangs up, transfers and pauses queue members. */
        OPERATOR,

        /** Also spies and records. */
        SUPERVISOR,

        /** Scrapes {@code /actuator/prometheus} and nothing else: a fleet's metrics collector sees no board or call. */
        METRICS;

        /**
         * {@return the Spring Security roles this role grants, in a new array: a board role grants itself and every
         * lesser board role ({@code VIEWER, OPERATOR} for an operator), {@code METRICS} only itself}
         */
        public String[] grantedRoles() {
            if (this == METRICS) {
                return new String[] { name() };
            }
            return Arrays.stream(values()).filter(role -> role != METRICS && role.ordinal() <= ordinal())
                    .map(Role::name).toArray(String[]::new);
        }
    }
}
