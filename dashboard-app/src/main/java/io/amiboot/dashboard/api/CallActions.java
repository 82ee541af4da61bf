package io.amiboot.dashboard.api;

import io.amiboot.action.ActionRequest;
import io.amiboot.action.AtxferAction;
import io.amiboot.action.ChannelVariables;
import io.amiboot.action.DialplanLocation;
import io.amiboot.action.CallHangup;
import io.amiboot.action.MixMonitorAction;
import io.amiboot.action.OriginateRequest;
import io.amiboot.action.ParkAction;
import io.amiboot.action.RedirectRequests;
import io.amiboot.action.StopMixMonitorAction;
import io.amiboot.dashboard.DashboardProperties;
import io.amiboot.dashboard.live.AsteriskActions;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns validated requests into the library's typed action requests (which write the headers); every context is
 * checked against the allow-list first, every channel variable against its own allow-list and against the names
 * Asterisk acts on.
 */
@Component
public final class CallActions {

    private static final Logger logger = LoggerFactory.getLogger(CallActions.class);

    private static final int MAX_VARIABLES = 20;

    /** The longest a call may be parked for, in seconds, when the request sets a timeout. */
    private static final int MAX_PARK_SECONDS = 3600;

    /** The Q.850 cause of a hangup the dashboard asks for. */
    private static final int NORMAL_CLEARING = 16;

    private final List<String> allowedContexts;

    private final Set<String> allowedVariables;

    /**
     * Actions limited by the dashboard's settings.
     *
     * @param properties gives the allow-lists, {@code dashboard.originate-contexts} and {@code
     *     dashboard.originate-variables}
     */
    @Autowired
    public CallActions(DashboardProperties properties) {
        this(properties.originateContexts(), properties.originateVariables());
    }

    /**
     * Actions that may only reach {@code allowedContexts} and set only {@code allowedVariables}.
     *
     * @param allowedContexts the dialplan contexts the actions may reach
     * @param allowedVariables the channel variables an originate may set, compared without the {@code _}/{@code __}
     *     prefixes; one Asterisk acts on is logged and stays refused
     */
    public CallActions(List<String> allowedContexts, List<String> allowedVariables) {
        this.allowedContexts = List.copyOf(allowedContexts);
        this.allowedVariables = allowedVariables.stream().map(ChannelVariables::baseName).collect(Collectors.toUnmodifiableSet());
        List<String> reserved = allowedVariables.stream().filter(ChannelVariables::isReservedByAsterisk).toList();
        if (!reserved.isEmpty()) {
            logger.warn("dashboard.originate-variables lists {}, which Asterisk acts on: originates setting them are "
                    + "refused all the same", reserved);
        }
    }

    /**
     * {@return the {@code Originate} for a request, ringing for {@code timeoutSeconds} (1 to 300, 30 if unset)}
     *
     * @param command the request's body; {@code null} is refused
     * @throws InvalidFieldException if a field is missing, malformed or outside the allow-lists, or there are more than
     *     20 variables
     */
    public OriginateRequest originate(OriginateCommand command) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        String from = Fields.require("from", command.from(), Fields.ORIGIN);
        String to = Fields.require("to", command.to(), Fields.EXTENSION);
        String context = allowedContext("context", command.context());
        String name = Fields.optional("callerIdName", command.callerIdName(), Fields.CALLER_NAME);
        String number = Fields.optional("callerIdNumber", command.callerIdNumber(), Fields.CALLER_NUMBER);
        int timeout = command.timeoutSeconds() == null ? 30 : command.timeoutSeconds();
        if (timeout < 1 || timeout > 300) {
            throw new InvalidFieldException("timeoutSeconds", "must be between 1 and 300");
        }
        OriginateRequest.Builder originate = OriginateRequest.toChannel(originChannel(from))
                .dialplan(DialplanLocation.of(context, to)).timeout(Duration.ofSeconds(timeout));
        if (name != null || number != null) {
            originate.callerId("\"" + (name == null ? "" : name) + "\" <" + (number == null ? "" : number) + ">");
        }
        Map<String, String> variables = command.variables() == null ? Map.of() : command.variables();
        if (variables.size() > MAX_VARIABLES) {
            throw new InvalidFieldException("variables", "has more than " + MAX_VARIABLES + " entries");
        }
        variables.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(variable -> {
            String key = allowedVariable(variable.getKey());
            String value = Fields.require("variables." + key, variable.getValue() == null ? "" : variable.getValue(),
                    Fields.VARIABLE_VALUE);
            originate.variable(key, value);
        });
        return originate.build();
    }

    /**
     * A variable name the originate may set: well formed, not one Asterisk gives a meaning to (those could move the
     * call out of the allowed contexts, e.g. {@code TRANSFER_CONTEXT}), and in {@code dashboard.originate-variables}
     * (compared without the {@code _}/{@code __} inheritance prefixes).
     */
    private String allowedVariable(String name) {
        Fields.require("variables", name, Fields.VARIABLE_NAME);
        String field = "variables." + name;
        if (ChannelVariables.isReservedByAsterisk(name)) {
            throw new InvalidFieldException(field, "is a variable Asterisk acts on and may not be set (see docs/dashboard.md)");
        }
        if (!allowedVariables.contains(ChannelVariables.baseName(name))) {
            throw new InvalidFieldException(field, "is not in dashboard.originate-variables");
        }
        return name;
    }

    /**
     * Hangs up channels of a call, each with cause 16 (normal clearing), counting one Asterisk no longer knows as gone
     * ({@link CallHangup}).
     *
     * @param asterisk where the {@code Hangup}s go
     * @param channelNames the channels' names, from the live model
     * @return a future of which channels were hung up and which were already gone
     */
    public CompletableFuture<CallHangup.Outcome> hangUp(AsteriskActions asterisk, List<String> channelNames) {
        return CallHangup.hangUp(asterisk::send, channelNames, NORMAL_CLEARING);
    }

    /**
     * {@return the {@code Redirect} (blind) or {@code Atxfer} (attended) of a channel}
     *
     * @param channelName the channel to move, by its name from the live model
     * @param command the target extension and context, and the mode ({@code blind} unless {@code attended})
     * @throws InvalidFieldException if the target, context or mode is missing, malformed or not allowed
     */
    public ActionRequest transfer(String channelName, TransferCommand command) {
        String mode = command.mode() == null ? "blind" : command.mode();
        String to = Fields.require("to", command.to(), Fields.EXTENSION);
        String context = allowedContext("context", command.context());
        return switch (mode) {
            case "blind" -> RedirectRequests.of(channelName, DialplanLocation.of(context, to));
            // Atxfer dials the target as DTMF through the atxfer feature code, so only keypad digits arrive.
            case "attended" -> new AtxferAction(channelName, Fields.require("to", to, Fields.DTMF_EXTENSION)).context(context);
            default -> {
                Fields.require("mode", mode, Fields.NAME);
                throw new InvalidFieldException("mode", "must be 'blind' or 'attended'");
            }
        };
    }

    /**
     * {@return the {@code Park} of a channel: into the lot's next free space, the parking lot's timeout unless the
     * command sets one}
     *
     * @param channelName the channel to park, by its name from the live model
     * @param parker the channel bridged with it, which hears the space and is rung back when the parked call times
     *     out; {@code null} when it talks to nobody
     * @param command the lot and timeout, both optional; {@code null} for the defaults
     * @throws InvalidFieldException if the lot is malformed or the timeout outside 1 to 3600 seconds
     */
    public ParkAction park(String channelName, String parker, ParkCommand command) {
        ParkAction park = new ParkAction(channelName).timeoutChannel(parker);
        if (command == null) {
            return park;
        }
        Integer seconds = command.timeoutSeconds();
        if (seconds != null && (seconds < 1 || seconds > MAX_PARK_SECONDS)) {
            throw new InvalidFieldException("timeoutSeconds", "must be between 1 and " + MAX_PARK_SECONDS);
        }
        // The action takes milliseconds; Asterisk rounds them to seconds.
        return park.parkinglot(Fields.optional("lot", command.lot(), Fields.NAME))
                .timeout(seconds == null ? null : Long.toString(seconds * 1000L));
    }

    /**
     * {@return the {@code Originate} that rings {@code from} and, once answered, dials a parking space, which picks up
     * the call parked there}
     *
     * @param space the parking space, already checked
     * @param command who picks up ({@code from}) and the allowed context the space is dialled in (the first when absent)
     * @throws InvalidFieldException if the body is missing, or {@code from} or the context is malformed or not allowed
     */
    public OriginateRequest pickUp(String space, PickupCommand command) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        return originate(new OriginateCommand(command.from(), space, command.context(), "Parked call", space, null, null));
    }

    /**
     * {@return the {@code Originate} that rings {@code command.from()} and connects it to {@code ChanSpy} on a channel}
     *
     * @param channelName the channel to spy on
     * @param command who listens ({@code from}) and how ({@code listen} unless {@code whisper} or {@code barge})
     * @throws InvalidFieldException if {@code from} or the mode is missing or malformed
     */
    public OriginateRequest spy(String channelName, SpyCommand command) {
        String from = Fields.require("from", command.from(), Fields.ORIGIN);
        String mode = command.mode() == null ? "listen" : Fields.require("mode", command.mode(), Fields.NAME);
        String options = switch (mode) {
            case "listen" -> "qE";
            case "whisper" -> "qwE";
            case "barge" -> "qBE";
            default -> throw new InvalidFieldException("mode", "must be 'listen', 'whisper' or 'barge'");
        };
        return OriginateRequest.toChannel(originChannel(from)).application("ChanSpy", channelName + "," + options)
                .callerId("\"Spy\" <" + mode + ">").build();
    }

    /**
     * {@return the {@code MixMonitor} that records a channel into {@code file}}
     *
     * @param channelName the channel to record, by its name from the live model
     * @param file the file name, relative to Asterisk's monitor directory unless absolute
     */
    public MixMonitorAction startRecording(String channelName, String file) {
        return new MixMonitorAction(channelName).file(file);
    }

    /**
     * {@return the {@code StopMixMonitor} of a channel}
     *
     * @param channelName the recorded channel, by its name from the live model
     */
    public StopMixMonitorAction stopRecording(String channelName) {
        return new StopMixMonitorAction(channelName);
    }

    /** {@code PJSIP/<endpoint>} for an endpoint, {@code Local/<exten>@<allowed context>} for an extension. */
    private String originChannel(String from) {
        int at = from.indexOf('@');
        if (at < 0) {
            return "PJSIP/" + from;
        }
        return "Local/" + from.substring(0, at) + "@" + allowedContext("from", from.substring(at + 1));
    }

    /**
     * {@return {@code context} if {@code dashboard.originate-contexts} lists it, the first listed if it is {@code null}}
     *
     * @param field the request field it came from, for the error
     * @param context the context, or {@code null}
     * @throws InvalidFieldException naming {@code field} if the context is malformed or not allowed, or none is configured
     */
    String allowedContext(String field, String context) {
        if (context == null) {
            if (allowedContexts.isEmpty()) {
                throw new InvalidFieldException(field, "is required: no originate context is configured");
            }
            return allowedContexts.get(0);
        }
        Fields.require(field, context, Fields.NAME);
        if (!allowedContexts.contains(context)) {
            throw new InvalidFieldException(field, "names context '" + context
                    + "', which is not in dashboard.originate-contexts");
        }
        return context;
    }
}
