package io.amiboot.dashboard.api;

import io.amiboot.client.AmiAction;
import java.util.List;
import java.util.Map;

/** Turns validated requests into AMI actions; every context is checked against the allow-list first. */
public final class CallActions {

    private static final int MAX_VARIABLES = 20;

    private final List<String> allowedContexts;

    /** Actions that may only reach {@code allowedContexts}. */
    public CallActions(List<String> allowedContexts) {
        this.allowedContexts = List.copyOf(allowedContexts);
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
            String key = Fields.require("variables", variable.getKey(), Fields.VARIABLE_NAME);
            String value = Fields.require("variables." + key, variable.getValue() == null ? "" : variable.getValue(),
                    Fields.VARIABLE_VALUE);
            action.header("Variable", key + "=" + value);
        });
        return action.build();
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
