package io.amiboot.dashboard.api;

import java.util.Map;

/**
 * A request to originate a call.
 *
 * @param from an endpoint ({@code 1001}, rung first) or an extension in an allowed context ({@code 100@demo})
 * @param to the extension or number to connect it to
 * @param context the allowed dialplan context of {@code to}; the first allowed context when absent
 * @param callerIdName the caller ID name to show, optional
 * @param callerIdNumber the caller ID number to show, optional
 * @param variables channel variables to set, optional
 * @param timeoutSeconds how long to ring {@code from}, 1 to 300 (default 30)
 */
public record OriginateCommand(String from, String to, String context, String callerIdName, String callerIdNumber,
        Map<String, String> variables, Integer timeoutSeconds) {
}
