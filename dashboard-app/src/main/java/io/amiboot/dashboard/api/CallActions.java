package io.amiboot.dashboard.api;

import io.amiboot.autoconfigure.action.ChannelVariables;
import io.amiboot.client.AmiAction;
import io.amiboot.dashboard.DashboardProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns validated requests into AMI actions; every context is checked against the allow-list first, every channel
 * variable against its own allow-list and against the names Asterisk acts on.
 */
@Component
public final class CallActions {

    private static final Logger logger = LoggerFactory.getLogger(CallActions.class);

    private static final int MAX_VARIABLES = 20;

    private final List<String> allowedContexts;

    private final Set<String> allowedVariables;

    /** The actions {@code dashboard.originate-contexts} and {@code dashboard.originate-variables} allow. */
    @Autowired
    public CallActions(DashboardProperties properties) {
        this(properties.originateContexts(), properties.originateVariables());
    }

    /** Actions that may only reach {@code allowedContexts} and set only {@code allowedVariables}. */
    public CallActions(List<String> allowedContexts, List<String> allowedVariables) {
        this.allowedContexts = List.copyOf(allowedContexts);
        this.allowedVariables = allowedVariables.stream().map(ChannelVariables::baseName).collect(Collectors.toUnmodifiableSet());
        List<String> reserved = allowedVariables.stream().filter(ChannelVariables::isReservedByAsterisk).toList();
        if (!reserved.isEmpty()) {
            logger.warn("dashboard.originate-variables lists {}, which Asterisk acts on: originates setting them are "
                    + "refused all the same", reserved);
        }
    }

    /** The {@code Originate} for a request. */
    public AmiAction originate(OriginateCommand command) {
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
        AmiAction.Builder action = AmiAction.builder("Originate").header("Channel", originChannel(from)).header("Context", context)
                .header("Exten", to).header("Priority", "1").header("Timeout", Integer.toString(timeout * 1000))
                .header("Async", "true");
        if (name != null || number != null) {
            action.header("CallerID", "\"" + (name == null ? "" : name) + "\" <" + (number == null ? "" : number) + ">");
        }
        Map<String, String> variables = command.variables() == null ? Map.of() : command.variables();
        if (variables.size() > MAX_VARIABLES) {
            throw new InvalidFieldException("variables", "has more than " + MAX_VARIABLES + " entries");
        }
        variables.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(variable -> {
            String key = allowedVariable(variable.getKey());
            String value = Fields.require("variables." + key, variable.getValue() == null ? "" : variable.getValue(),
                    Fields.VARIABLE_VALUE);
            action.header("Variable", key + "=" + value);
        });
        return action.build();
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

    /** The {@code Hangup} of one channel, by its name from the live model. */
    public AmiAction hangup(String channelName) {
        return AmiAction.builder("Hangup").header("Channel", channelName).header("Cause", "16").build();
    }

    /** The {@code Redirect} (blind) or {@code Atxfer} (attended) of a channel, by its name from the live model. */
    public AmiAction transfer(String channelName, TransferCommand command) {
        String mode = command.mode() == null ? "blind" : command.mode();
        String to = Fields.require("to", command.to(), Fields.EXTENSION);
        String context = allowedContext("context", command.context());
        return switch (mode) {
            case "blind" -> AmiAction.builder("Redirect").header("Channel", channelName).header("Context", context)
                    .header("Exten", to).header("Priority", "1").build();
            case "attended" -> AmiAction.builder("Atxfer").header("Channel", channelName).header("Context", context)
                    .header("Exten", to).build();
            default -> {
                Fields.require("mode", mode, Fields.NAME);
                throw new InvalidFieldException("mode", "must be 'blind' or 'attended'");
            }
        };
    }

    /** The {@code Originate} that rings {@code command.from()} and connects it to {@code ChanSpy} on a channel. */
    public AmiAction spy(String channelName, SpyCommand command) {
        String from = Fields.require("from", command.from(), Fields.ORIGIN);
        String mode = command.mode() == null ? "listen" : Fields.require("mode", command.mode(), Fields.NAME);
        String options = switch (mode) {
            case "listen" -> "qE";
            case "whisper" -> "qwE";
            case "barge" -> "qBE";
            default -> throw new InvalidFieldException("mode", "must be 'listen', 'whisper' or 'barge'");
        };
        return AmiAction.builder("Originate").header("Channel", originChannel(from))
                .header("Application", "ChanSpy").header("Data", channelName + "," + options)
                .header("CallerID", "\"Spy\" <" + mode + ">").header("Async", "true").build();
    }

    /** The {@code MixMonitor} that records a channel into {@code file}. */
    public AmiAction startRecording(String channelName, String file) {
        return AmiAction.builder("MixMonitor").header("Channel", channelName).header("File", file).build();
    }

    /** The {@code StopMixMonitor} of a channel. */
    public AmiAction stopRecording(String channelName) {
        return AmiAction.builder("StopMixMonitor").header("Channel", channelName).build();
    }

    /** The {@code QueuePause} of a member. */
    public AmiAction pause(String queue, PauseCommand command, boolean paused) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        String member = Fields.require("member", command.member(), Fields.INTERFACE);
        String reason = Fields.optional("reason", command.reason(), Fields.REASON);
        AmiAction.Builder action = AmiAction.builder("QueuePause").header("Queue", queue).header("Interface", member)
                .header("Paused", Boolean.toString(paused));
        if (reason != null && !reason.isEmpty()) {
            action.header("Reason", reason);
        }
        return action.build();
    }

    /** {@code PJSIP/<endpoint>} for an endpoint, {@code Local/<exten>@<allowed context>} for an extension. */
    private String originChannel(String from) {
        int at = from.indexOf('@');
        if (at < 0) {
            return "PJSIP/" + from;
        }
        return "Local/" + from.substring(0, at) + "@" + allowedContext("from", from.substring(at + 1));
    }

    private String allowedContext(String field, String context) {
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
