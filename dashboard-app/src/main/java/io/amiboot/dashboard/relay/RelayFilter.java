package io.amiboot.dashboard.relay;

import io.amiboot.live.LiveCall;
import io.amiboot.live.LiveChannel;
import io.amiboot.live.LiveEndpoint;
import io.amiboot.live.LiveQueue;
import io.amiboot.live.LiveSnapshot;
import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.validation.Fields;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one WebSocket client asked to see, from its query parameters: {@code kinds} (calls, queues, endpoints,
 * conferences, parking, events), {@code server}, {@code queue}, {@code endpoint} and {@code event} (AMI event names for the
 * event log),
 * each comma-separated; empty means everything.
 *
 * @param kinds the kinds of updates wanted
 * @param servers the servers wanted (names as in {@code ami.servers.<name>})
 * @param queues the queues wanted
 * @param endpoints the endpoints wanted; calls are kept when a channel belongs to or dials one of them
 * @param eventNames the AMI event names wanted in the event log, lower case
 */
public record RelayFilter(Set<String> kinds, Set<String> servers, Set<String> queues, Set<String> endpoints, Set<String> eventNames) {

    private static final Set<String> KINDS = Set.of("calls", "queues", "endpoints", "conferences", "parking", "events");

    private static final Set<String> DEFAULT_KINDS = Set.of("calls", "queues", "endpoints", "conferences", "parking");

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");

    /**
     * Copies the sets so the record stays immutable.
     *
     * @param kinds the kinds of updates wanted, copied
     * @param servers the servers wanted, copied
     * @param queues the queues wanted, copied
     * @param endpoints the endpoints wanted, copied
     * @param eventNames the event names wanted, lower case, copied
     */
    public RelayFilter {
        kinds = Set.copyOf(kinds);
        servers = Set.copyOf(servers);
        queues = Set.copyOf(queues);
        endpoints = Set.copyOf(endpoints);
        eventNames = Set.copyOf(eventNames);
    }

    /**
     * Reads and validates the query parameters.
     *
     * @param query the WebSocket URL's query parameters, each value possibly comma-separated
     * @return what the client asked for; without {@code kinds}, calls, queues, endpoints, conferences and parking but
     *     not events
     * @throws InvalidFieldException if a kind is unknown or a name is malformed
     */
    public static RelayFilter parse(Map<String, List<String>> query) {
        Set<String> kinds = values(query, "kinds", Fields.NAME);
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new InvalidFieldException("kinds", "must be among " + KINDS);
            }
        }
        return new RelayFilter(kinds.isEmpty() ? DEFAULT_KINDS : kinds, values(query, "server", Fields.SERVER),
                values(query, "queue", Fields.NAME),
                values(query, "endpoint", Fields.NAME), values(query, "event", EVENT_NAME).stream()
                        .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    private static Set<String> values(Map<String, List<String>> query, String name, Pattern pattern) {
        return query.getOrDefault(name, List.of()).stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.replaceAll("^ +| +$", "")).filter(value -> !value.isEmpty())
                .map(value -> Fields.require(name, value, pattern)).collect(Collectors.toSet());
    }

    /**
     * {@return whether updates of this kind are wanted}
     *
     * @param kind {@code calls}, {@code queues}, {@code endpoints}, {@code conferences}, {@code parking} or {@code events}
     */
    public boolean wants(String kind) {
        return kinds.contains(kind);
    }

    /**
     * {@return whether this server's updates are wanted: it is among those asked for, or none were}
     *
     * @param server a server's name
     */
    public boolean wantsServer(String server) {
        return servers.isEmpty() || servers.contains(server);
    }

    /**
     * {@return whether calls are wanted and, with endpoints asked for, one of its channels belongs to or dials one}
     *
     * @param call a call of the live model
     */
    public boolean wants(LiveCall call) {
        return wants("calls") && (endpoints.isEmpty() || call.channels().stream().anyMatch(this::involvesEndpoint));
    }

    private boolean involvesEndpoint(LiveChannel channel) {
        for (String endpoint : endpoints) {
            if (channel.name().startsWith("PJSIP/" + endpoint + "-") || endpoint.equals(channel.exten())
                    || endpoint.equals(channel.callerIdNum()) || endpoint.equals(channel.connectedLineNum())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return whether queues are wanted and this one is among those asked for (or none were)}
     *
     * @param queue a queue of the live model
     */
    public boolean wants(LiveQueue queue) {
        return wants("queues") && (queues.isEmpty() || queues.contains(queue.name()));
    }

    /**
     * {@return whether endpoints are wanted and this one is among those asked for (or none were)}
     *
     * @param endpoint an endpoint of the live model
     */
    public boolean wants(LiveEndpoint endpoint) {
        return wants("endpoints") && (endpoints.isEmpty() || endpoints.contains(endpoint.name()));
    }

    /**
     * {@return whether the event log is wanted and the event's name is among those asked for (or none were)}
     *
     * @param event an AMI event the event log may show
     */
    public boolean wants(AmiEvent event) {
        return wants("events") && (eventNames.isEmpty() || eventNames.contains(event.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * {@return the snapshot message with only the calls, queues, endpoints and conference rooms this filter wants, and
     * the parked calls if it wants parking}
     *
     * @param server the name of the server whose model it is
     * @param snapshot the server's whole live model
     */
    public RelayMessage.Snapshot apply(String server, LiveSnapshot snapshot) {
        return new RelayMessage.Snapshot("snapshot", server, snapshot.version(), snapshot.connected(),
                snapshot.calls().stream().filter(this::wants).toList(),
                snapshot.queues().stream().filter(this::wants).toList(),
                snapshot.endpoints().stream().filter(this::wants).toList(),
                wants("conferences") ? snapshot.conferences() : List.of(),
                wants("parking") ? snapshot.parkedCalls() : List.of());
    }
}
