package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Channels by Uniqueid, their bridges and hold state, grouped into calls by Linkedid; not thread-safe. */
final class CallTracker {

    private final Map<String, ChannelState> channels = new LinkedHashMap<>();

    private final Map<String, Set<String>> bridgeMembers = new HashMap<>();

    /** Forgets everything. */
    void clear() {
        channels.clear();
        bridgeMembers.clear();
    }

    /** Adds a channel from a {@code CoreShowChannel} entry, dated by its {@code Duration}. */
    void load(AmiEvent entry, Instant now) {
        ChannelState channel = new ChannelState(Headers.text(entry, "Uniqueid"), now.minus(parseDuration(entry.get("Duration"))));
        channel.update(entry);
        channel.application = Headers.text(entry, "Application");
        String bridge = Headers.text(entry, "BridgeId");
        channels.put(channel.uniqueId, channel);
        if (!bridge.isEmpty()) {
            enterBridge(channel, bridge);
        }
    }

    /**
     * Applies an event.
     * @return the IDs of the calls it changed (a call whose channels are all gone counts as changed)
     */
    Set<String> apply(AmiEvent event, Instant now) {
        String uniqueId = event.get("Uniqueid");
        Set<String> touched = new LinkedHashSet<>();
        switch (event.name()) {
            case "Newchannel" -> {
                ChannelState channel = channels.computeIfAbsent(uniqueId, id -> new ChannelState(id, now));
                channel.update(event);
                touched.add(channel.linkedId);
            }
            case "Hangup" -> {
                ChannelState gone = channels.remove(uniqueId);
                if (gone != null) {
                    touched.add(gone.linkedId);
                    touched.addAll(leaveBridge(gone));
                }
            }
            case "BridgeCreate" -> bridgeMembers.putIfAbsent(event.get("BridgeUniqueid"), new LinkedHashSet<>());
            case "BridgeDestroy" -> {
                Set<String> members = bridgeMembers.remove(event.get("BridgeUniqueid"));
                if (members != null) {
                    for (String member : members) {
                        ChannelState channel = channels.get(member);
                        if (channel != null) {
                            channel.bridgeId = null;
                            touched.add(channel.linkedId);
                        }
                    }
                }
            }
            default -> applyToChannel(event, channels.get(uniqueId), touched);
        }
        return touched;
    }

    private void applyToChannel(AmiEvent event, ChannelState channel, Set<String> touched) {
        if (channel == null) {
            return;
        }
        String before = channel.linkedId;
        switch (event.name()) {
            case "Newstate", "NewCallerid", "NewConnectedLine" -> channel.update(event);
            case "Newexten" -> {
                channel.update(event);
                channel.application = Headers.text(event, "Application");
            }
            case "Hold" -> channel.onHold = true;
            case "Unhold" -> channel.onHold = false;
            case "Rename" -> channel.name = Headers.text(event, "Newname");
            case "BridgeEnter" -> {
                channel.update(event);
                touched.addAll(enterBridge(channel, event.get("BridgeUniqueid")));
            }
            case "BridgeLeave" -> {
                channel.update(event);
                touched.addAll(leaveBridge(channel));
            }
            default -> {
                return;
            }
        }
        touched.add(before);
        touched.add(channel.linkedId);
    }

    private Set<String> enterBridge(ChannelState channel, String bridgeId) {
        Set<String> touched = new LinkedHashSet<>(leaveBridge(channel));
        channel.bridgeId = bridgeId;
        Set<String> members = bridgeMembers.computeIfAbsent(bridgeId, id -> new LinkedHashSet<>());
        members.add(channel.uniqueId);
        touched.addAll(linkedIds(members));
        return touched;
    }

    private Set<String> leaveBridge(ChannelState channel) {
        if (channel.bridgeId == null) {
            return Set.of();
        }
        Set<String> members = bridgeMembers.get(channel.bridgeId);
        channel.bridgeId = null;
        if (members == null) {
            return Set.of();
        }
        members.remove(channel.uniqueId);
        return linkedIds(members);
    }

    private Set<String> linkedIds(Set<String> uniqueIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String uniqueId : uniqueIds) {
            ChannelState channel = channels.get(uniqueId);
            if (channel != null) {
                ids.add(channel.linkedId);
            }
        }
        return ids;
    }

    /** The call with this ID, or {@code null} when none of its channels is left. */
    LiveCall call(String callId) {
        List<LiveChannel> members = new ArrayList<>();
        for (ChannelState channel : channels.values()) {
            if (channel.linkedId.equals(callId)) {
                members.add(toRecord(channel));
            }
        }
        if (members.isEmpty()) {
            return null;
        }
        members.sort(Comparator.comparing(LiveChannel::startedAt).thenComparing(LiveChannel::uniqueId));
        return new LiveCall(callId, members, members.get(0).startedAt());
    }

    /** Every call, oldest first. */
    List<LiveCall> calls() {
        Set<String> ids = new LinkedHashSet<>();
        channels.values().forEach(channel -> ids.add(channel.linkedId));
        List<LiveCall> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(call(id));
        }
        calls.sort(Comparator.comparing(LiveCall::startedAt).thenComparing(LiveCall::id));
        return calls;
    }

    private LiveChannel toRecord(ChannelState channel) {
        List<String> peers = new ArrayList<>();
        if (channel.bridgeId != null) {
            for (String member : bridgeMembers.getOrDefault(channel.bridgeId, Set.of())) {
                ChannelState peer = channels.get(member);
                if (peer != null && peer != channel) {
                    peers.add(peer.name);
                }
            }
        }
        return new LiveChannel(channel.uniqueId, channel.linkedId, channel.name, channel.state, channel.callerIdNum,
                channel.callerIdName, channel.connectedLineNum, channel.connectedLineName, channel.context,
                channel.exten, channel.priority, channel.application, channel.onHold, channel.bridgeId, peers,
                channel.startedAt);
    }

    /** Parses CoreShowChannel's {@code HH:MM:SS} duration; zero when unreadable. */
    static Duration parseDuration(String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        String[] parts = text.trim().split(":");
        long seconds = 0;
        try {
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
        }
        catch (NumberFormatException unreadable) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(seconds);
    }

    /** The mutable state of one channel. */
    private static final class ChannelState {

        final String uniqueId;

        final Instant startedAt;

        String linkedId;

        String name = "";

        String state = "";

        String callerIdNum = "";

        String callerIdName = "";

        String connectedLineNum = "";

        String connectedLineName = "";

        String context = "";

        String exten = "";

        String priority = "";

        String application = "";

        boolean onHold;

        String bridgeId;

        ChannelState(String uniqueId, Instant startedAt) {
            this.uniqueId = uniqueId;
            this.startedAt = startedAt;
            this.linkedId = uniqueId;
        }

        /**
         * Copies the standard channel headers that the event carries; a new dialplan position forgets the
         * application, which only {@code Newexten} and snapshots name.
         */
        void update(AmiEvent event) {
            String oldContext = context;
            String oldExten = exten;
            String oldPriority = priority;
            linkedId = orKeep(event, "Linkedid", linkedId);
            name = orKeep(event, "Channel", name);
            state = orKeep(event, "ChannelStateDesc", state);
            callerIdNum = orKeep(event, "CallerIDNum", callerIdNum);
            callerIdName = orKeep(event, "CallerIDName", callerIdName);
            connectedLineNum = orKeep(event, "ConnectedLineNum", connectedLineNum);
            connectedLineName = orKeep(event, "ConnectedLineName", connectedLineName);
            context = orKeep(event, "Context", context);
            exten = orKeep(event, "Exten", exten);
            priority = orKeep(event, "Priority", priority);
            if (!context.equals(oldContext) || !exten.equals(oldExten) || !priority.equals(oldPriority)) {
                application = "";
            }
        }

        /** One lookup per header: each {@code get} finds and decodes the header again (LiveModelReadBenchmark). */
        private static String orKeep(AmiEvent event, String header, String current) {
            String value = event.get(header);
            return value == null ? current : Headers.text(value);
        }
    }
}
