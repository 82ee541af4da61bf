package io.amiboot.dashboard.api;

import io.amiboot.action.QueueAddAction;
import io.amiboot.action.QueuePauseAction;
import io.amiboot.action.QueueRemoveAction;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Turns validated queue member requests into the library's typed {@code QueueAdd}, {@code QueueRemove} and
 * {@code QueuePause}. A {@code Local/<exten>@<context>} member reaches the dialplan when the queue calls it, so its
 * context must be in the originate allow-list, as an originate's.
 */
@Component
public final class QueueMemberActions {

    /** The highest penalty the dashboard sets; Asterisk's own limit is far higher than any queue uses. */
    private static final int MAX_PENALTY = 1000;

    private final CallActions calls;

    /**
     * Member actions with the originate allow-list of {@code calls}.
     *
     * @param calls checks a {@code Local} member's context against {@code dashboard.originate-contexts}
     */
    public QueueMemberActions(CallActions calls) {
        this.calls = calls;
    }

    /**
     * {@return the {@code QueueAdd} of a member}
     *
     * @param queue the queue's name, already checked
     * @param command the member's interface, and optionally its name, penalty (0 to 1000) and whether it starts
     *     paused; {@code null} is refused
     * @throws InvalidFieldException if a field is missing, malformed or outside the allow-list
     */
    public QueueAddAction add(String queue, MemberCommand command) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        String member = memberInterface("interface", command.interfaceName(), true);
        String name = Fields.optional("memberName", command.memberName(), Fields.MEMBER_NAME);
        Integer penalty = command.penalty();
        if (penalty != null && (penalty < 0 || penalty > MAX_PENALTY)) {
            throw new InvalidFieldException("penalty", "must be between 0 and " + MAX_PENALTY);
        }
        return new QueueAddAction(queue, member).memberName(name == null || name.isEmpty() ? null : name)
                .penalty(penalty == null ? null : penalty.toString())
                .paused(command.paused() == null ? null : command.paused().toString());
    }

    /**
     * {@return the {@code QueueRemove} of a member}
     *
     * @param queue the queue's name, already checked
     * @param member the member's interface, from the URL
     * @throws InvalidFieldException if the interface is missing or malformed
     */
    public QueueRemoveAction remove(String queue, String member) {
        return new QueueRemoveAction(queue, memberInterface("interface", member, false));
    }

    /**
     * {@return the {@code QueuePause} of a member}
     *
     * @param queue the queue's name, already checked
     * @param command the member's interface and an optional reason; {@code null} is refused
     * @param paused {@code true} to pause, {@code false} to unpause
     * @throws InvalidFieldException if the member or the reason is missing or malformed
     */
    public QueuePauseAction pause(String queue, PauseCommand command, boolean paused) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        String member = memberInterface("member", command.member(), false);
        String reason = Fields.optional("reason", command.reason(), Fields.REASON);
        return new QueuePauseAction(member, Boolean.toString(paused)).queue(queue)
                .reason(reason == null || reason.isEmpty() ? null : reason);
    }

    /**
     * A member interface matching {@link Fields#INTERFACE}; when {@code reachesDialplan} (a member being added, whom
     * the queue will call) a {@code Local} one must name an allowed context. Removing or pausing only names a
     * member Asterisk already has.
     */
    private String memberInterface(String field, String value, boolean reachesDialplan) {
        Fields.require(field, value, Fields.INTERFACE);
        if (reachesDialplan) {
            Matcher parts = Fields.INTERFACE.matcher(value);
            parts.matches();
            if (parts.group(1).equalsIgnoreCase("Local")) {
                if (parts.group(2) == null) {
                    throw new InvalidFieldException(field, "is a Local channel without @context, which would reach "
                            + "context 'default'");
                }
                calls.allowedContext(field, parts.group(2));
            }
        }
        return value;
    }
}
