package io.amiboot.action;

import io.amiboot.client.AmiClient;

/**
 * What every family of typed shortcuts of {@link AmiActionSender} works through: the one client its actions are
 * sent on. The families ({@link ServerActions}, {@link SessionActions}, {@link ChannelActions},
 * {@link OriginateActions}, {@link QueueActions}, {@link ListQueries}) share the sender's contract: a method sends
 * at once and returns a future that completes on the client's callback executor, never on the Netty event loop,
 * and fails with {@link io.amiboot.client.AmiActionException} on {@code Response: Error},
 * {@link io.amiboot.client.AmiConnectionException} while disconnected and
 * {@link io.amiboot.client.AmiTimeoutException} after the action timeout. A parameter typed as one family gives
 * code just those actions. What each action does on the Asterisk side: <a href="https://docs.asterisk.org/">the
 * Asterisk documentation</a> (AMI actions).
 */
public sealed interface ActionShortcuts
        permits ServerActions, SessionActions, ChannelActions, OriginateActions, QueueActions, ListQueries {

    /** {@return the client the actions are sent on; never null} */
    AmiClient client();
}
