package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiEvent;
import io.amiboot.client.AmiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Shortcuts that read what the server has now: channels, bridges, endpoints, device and extension states,
 * conferences. Most send list actions and complete with the list's entries once the whole list has arrived (or
 * fail with {@link io.amiboot.client.AmiListTooLargeException} past the client's {@code maxListBytes}).
 */
public sealed interface ListQueries extends ActionShortcuts permits AmiActionSender {

    /**
     * Sends {@code CoreShowChannels}.
     *
     * @return a future of one {@code CoreShowChannel} event per active channel
     */
    default CompletableFuture<List<AmiEvent>> coreShowChannels() {
        return ListResponses.entries(client(), AmiAction.of("CoreShowChannels"));
    }

    /**
     * Sends {@code Status} of every channel.
     *
     * @return a future of one {@code Status} event per channel
     */
    default CompletableFuture<List<AmiEvent>> status() {
        return status(null);
    }

    /**
     * Sends {@code Status}.
     *
     * @param channel the channel, or null for all
     * @return a future of one {@code Status} event per channel
     */
    default CompletableFuture<List<AmiEvent>> status(String channel) {
        return ListResponses.entries(client(), AmiAction.builder("Status").headerIfPresent("Channel", channel).build());
    }

    /**
     * Sends {@code BridgeList} of every bridge.
     *
     * @return a future of one {@code BridgeListItem} event per bridge
     */
    default CompletableFuture<List<AmiEvent>> bridgeList() {
        return bridgeList(null);
    }

    /**
     * Sends {@code BridgeList} of the bridges of one technology. Asterisk compares its {@code BridgeType} filter
     * with each bridge's {@code BridgeTechnology}, not with its {@code BridgeType} ({@code basic}).
     *
     * @param bridgeTechnology e.g. {@code simple_bridge} or {@code softmix}; null for all bridges
     * @return a future of one {@code BridgeListItem} event per bridge
     */
    default CompletableFuture<List<AmiEvent>> bridgeList(String bridgeTechnology) {
        return ListResponses.entries(client(),
                AmiAction.builder("BridgeList").headerIfPresent("BridgeType", bridgeTechnology).build());
    }

    /**
     * Sends {@code BridgeInfo}.
     *
     * @param bridgeUniqueid the bridge's {@code BridgeUniqueid}
     * @return a future of the whole response: its {@link AmiResponse#events() events} are the bridge's channels
     *         ({@code BridgeInfoChannel}), its {@link AmiResponse#completion() completion} describes the bridge
     */
    default CompletableFuture<AmiResponse> bridgeInfo(String bridgeUniqueid) {
        return client().send(AmiAction.builder("BridgeInfo").header("BridgeUniqueid", bridgeUniqueid).build());
    }

    /**
     * Sends {@code PJSIPShowEndpoints}.
     *
     * @return a future of one {@code EndpointList} event per PJSIP endpoint
     */
    default CompletableFuture<List<AmiEvent>> pjsipShowEndpoints() {
        return ListResponses.entries(client(), AmiAction.of("PJSIPShowEndpoints"));
    }

    /**
     * Sends {@code PJSIPShowEndpoint}.
     *
     * @param endpoint the endpoint's name, e.g. {@code 1001}
     * @return a future of the endpoint's details ({@code EndpointDetail}, {@code AorDetail}, ...)
     */
    default CompletableFuture<List<AmiEvent>> pjsipShowEndpoint(String endpoint) {
        return ListResponses.entries(client(), AmiAction.builder("PJSIPShowEndpoint").header("Endpoint", endpoint).build());
    }

    /**
     * Sends {@code SIPpeers} of the old chan_sip.
     *
     * @return a future of one {@code PeerEntry} event per peer; it fails with Asterisk's error on Asterisk 21+,
     *         which has no chan_sip
     */
    default CompletableFuture<List<AmiEvent>> sipPeers() {
        return ListResponses.entries(client(), AmiAction.of("SIPpeers"));
    }

    /**
     * Sends {@code DeviceStateList}.
     *
     * @return a future of one {@code DeviceStateChange} event per known device
     */
    default CompletableFuture<List<AmiEvent>> deviceStateList() {
        return ListResponses.entries(client(), AmiAction.of("DeviceStateList"));
    }

    /**
     * Sends {@code ExtensionStateList}.
     *
     * @return a future of one {@code ExtensionStatus} event per hinted extension
     */
    default CompletableFuture<List<AmiEvent>> extensionStateList() {
        return ListResponses.entries(client(), AmiAction.of("ExtensionStateList"));
    }

    /**
     * Sends {@code ConfbridgeList}.
     *
     * @param conference the ConfBridge conference
     * @return a future of one {@code ConfbridgeList} event per participant
     */
    default CompletableFuture<List<AmiEvent>> confbridgeList(String conference) {
        return ListResponses.entries(client(), AmiAction.builder("ConfbridgeList").header("Conference", conference).build());
    }

    /**
     * Sends {@code MeetmeList} of the old app_meetme.
     *
     * @return a future of one {@code MeetmeList} event per participant; it fails with Asterisk's error on
     *         Asterisk 21+, which has no app_meetme
     */
    default CompletableFuture<List<AmiEvent>> meetmeList() {
        return ListResponses.entries(client(), AmiAction.of("MeetmeList"));
    }
}
