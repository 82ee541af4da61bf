package io.amiboot.client;

/**
 * Where the client's connection stands.
 */
public enum AmiConnectionState {

    /** Not started yet. */
    NEW,

    /** Opening the TCP (or TLS) connection and logging in. */
    CONNECTING,

    /** Logged in: actions can be sent and events arrive. */
    CONNECTED,

    /** The connection is down; a reconnect is scheduled unless reconnecting is off. */
    DISCONNECTED,

    /** Closed for good by {@link AmiClient#close()}; nothing will reconnect. */
    CLOSED
}
