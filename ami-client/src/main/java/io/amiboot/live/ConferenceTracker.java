package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import io.amiboot.event.ConfbridgeEndEvent;
import io.amiboot.event.ConfbridgeJoinEvent;
import io.amiboot.event.ConfbridgeLeaveEvent;
import io.amiboot.event.ConfbridgeListEvent;
import io.amiboot.event.ConfbridgeListRoomsEvent;
import io.amiboot.event.ConfbridgeMuteEvent;
import io.amiboot.event.ConfbridgeStartEvent;
import io.amiboot.event.ConfbridgeTalkingEvent;
import io.amiboot.event.ConfbridgeUnmuteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConfBridge conference rooms and their participants; not thread-safe.
 *
 * <p>Asterisk sends no event when a room is locked or unlocked: the lock is known from {@code ConfbridgeListRooms},
 * in the snapshot and whenever it is listed again ({@link #applyRooms}); a room that starts is unlocked.
 */
final class ConferenceTracker {

    private final Map<String, RoomState> rooms = new TreeMap<>();

    /** Forgets everything. */
    void clear() {
        rooms.clear();
    }

    /**
     * Loads a {@code ConfbridgeListRooms} entry (the room and its lock) or a {@code ConfbridgeList} entry (a
     * participant, dated by its {@code AnsweredTime}, the seconds since its channel was answered).
     */
    void load(AmiEvent entry, Instant now) {
        if (entry.is(ConfbridgeListRoomsEvent.NAME)) {
            room(entry).locked = Headers.flag(entry, "Locked");
        }
        else if (entry.is(ConfbridgeListEvent.NAME)) {
            put(room(entry), entry, Headers.flag(entry, "Muted"), Headers.flag(entry, "Talking"),
                    now.minusSeconds(Headers.number(entry, "AnsweredTime", 0)));
        }
    }

    /**
     * Applies an event.
     * @return the name of the room it changed (or ended), or {@code null}
     */
    String apply(AmiEvent event, Instant now) {
        String name = event.get("Conference");
        if (name == null) {
            return null;
        }
        switch (event.name()) {
            case ConfbridgeStartEvent.NAME -> room(event);
            case ConfbridgeEndEvent.NAME -> {
                return rooms.remove(name) == null ? null : name;
            }
            case ConfbridgeJoinEvent.NAME -> put(room(event), event, Headers.flag(event, "Muted"), false, now);
            case ConfbridgeLeaveEvent.NAME -> {
                RoomState room = rooms.get(name);
                if (room == null || room.participants.remove(Headers.text(event, "Channel")) == null) {
                    return null;
                }
            }
            case ConfbridgeMuteEvent.NAME, ConfbridgeUnmuteEvent.NAME -> {
                return update(name, event, event.is(ConfbridgeMuteEvent.NAME), null);
            }
            case ConfbridgeTalkingEvent.NAME -> {
                return update(name, event, null, Headers.text(event, "TalkingStatus").equals("on"));
            }
            default -> {
                return null;
            }
        }
        return name;
    }

    /**
     * Takes the lock of each room a fresh {@code ConfbridgeListRooms} lists that the tracker holds.
     * @return the names of the rooms whose lock changed
     */
    List<String> applyRooms(List<AmiEvent> listed) {
        List<String> changed = new ArrayList<>();
        for (AmiEvent entry : listed) {
            RoomState room = entry.is(ConfbridgeListRoomsEvent.NAME) ? rooms.get(Headers.text(entry, "Conference")) : null;
            boolean locked = room != null && Headers.flag(entry, "Locked");
            if (room != null && room.locked != locked) {
                room.locked = locked;
                changed.add(room.name);
            }
        }
        return changed;
    }

    /** The room with this name, or {@code null}. */
    LiveConference room(String name) {
        RoomState room = rooms.get(name);
        return room == null ? null : room.toRecord();
    }

    /** Every room, by name. */
    List<LiveConference> rooms() {
        return rooms.values().stream().map(RoomState::toRecord).toList();
    }

    private RoomState room(AmiEvent event) {
        return rooms.computeIfAbsent(event.get("Conference"), RoomState::new);
    }

    private static void put(RoomState room, AmiEvent event, boolean muted, boolean talking, Instant joinedAt) {
        String channel = Headers.text(event, "Channel");
        if (!channel.isEmpty()) {
            // A join held back during a rebuild may repeat a participant the snapshot listed: it keeps its time.
            LiveConferenceParticipant old = room.participants.get(channel);
            room.participants.put(channel, new LiveConferenceParticipant(channel, Headers.text(event, "Uniqueid"),
                    Headers.text(event, "CallerIDNum"), Headers.text(event, "CallerIDName"), Headers.flag(event, "Admin"),
                    muted, talking, old == null ? joinedAt : old.joinedAt()));
        }
    }

    /** Sets a known participant's mute or talking flag (a {@code null} one stays); the room's name if it changed. */
    private String update(String name, AmiEvent event, Boolean muted, Boolean talking) {
        RoomState room = rooms.get(name);
        LiveConferenceParticipant old = room == null ? null : room.participants.get(Headers.text(event, "Channel"));
        if (old == null) {
            return null;
        }
        LiveConferenceParticipant now = new LiveConferenceParticipant(old.channel(), old.uniqueId(), old.callerIdNum(),
                old.callerIdName(), old.admin(), muted == null ? old.muted() : muted,
                talking == null ? old.talking() : talking, old.joinedAt());
        room.participants.put(old.channel(), now);
        return now.equals(old) ? null : name;
    }

    /** The mutable state of one room. */
    private static final class RoomState {

        final String name;

        final Map<String, LiveConferenceParticipant> participants = new LinkedHashMap<>();

        boolean locked;

        RoomState(String name) {
            this.name = name;
        }

        LiveConference toRecord() {
            return new LiveConference(name, locked, new ArrayList<>(participants.values()));
        }
    }
}
