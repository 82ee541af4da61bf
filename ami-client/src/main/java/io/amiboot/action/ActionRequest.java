package io.amiboot.action;

import io.amiboot.client.AmiAction;

/**
 * A typed, immutable request for one AMI action: its parts are checked when it is created, and {@link #action()}
 * is the one place that writes its headers, so {@link AmiActionSender} and code sending through its own channel
 * (for example a dashboard that records what it sends) put the same action on the wire.
 */
public interface ActionRequest {

    /** {@return the action to send, headers in the order they are written; the same one on every call} */
    AmiAction action();
}
