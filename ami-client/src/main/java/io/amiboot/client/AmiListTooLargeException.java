package io.amiboot.client;

/**
 * The entries of a list action's response grew past {@link AmiClientOptions#maxListBytes()}: the action fails,
 * the rest of its list is read and dropped, and the connection stays up.
 */
public class AmiListTooLargeException extends AmiException {

    AmiListTooLargeException(String actionName, String actionId, int entries, long maxBytes) {
        super("Action " + actionName + " (ActionID " + actionId + ") failed: its list grew past " + maxBytes
                + " bytes (maxListBytes) after " + entries + " entries; the rest of the list is dropped");
    }
}
