package io.amiboot.live;

import io.amiboot.client.AmiEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PJSIP endpoints and their presence; not thread-safe. */
final class EndpointTracker {

    private static final String PJSIP = "PJSIP/";

    private final Map<String, LiveEndpoint> endpoints = new TreeMap<>();

    /** Forgets everything. */
    void clear() {
        endpoints.clear();
    }

    /** Loads an {@code EndpointList} entry of {@code PJSIPShowEndpoints}. */
    void load(AmiEvent entry) {
        String name = Headers.text(entry, "ObjectName");
        if (!name.isEmpty()) {
            endpoints.put(name, new LiveEndpoint(name, PJSIP + name, DeviceState.parse(entry.get("DeviceState")), ""));
        }
    }

    /**
     * Applies a {@code DeviceStateChange} of a PJSIP device or a {@code ContactStatus}.
     * @return the name of the endpoint it changed, or {@code null}
     */
    String apply(AmiEvent event) {
        if (event.is("DeviceStateChange")) {
            String device = Headers.text(event, "Device");
            if (!device.startsWith(PJSIP)) {
                return null;
            }
            String name = device.substring(PJSIP.length());
            LiveEndpoint old = endpoints.get(name);
            endpoints.put(name, new LiveEndpoint(name, device, DeviceState.parse(event.get("State")),
                    old == null ? "" : old.contactStatus()));
            return name;
        }
        if (event.is("ContactStatus")) {
            String name = Headers.text(event, "EndpointName");
            if (name.isEmpty()) {
                return null;
            }
            LiveEndpoint old = endpoints.get(name);
            endpoints.put(name, new LiveEndpoint(name, PJSIP + name, old == null ? DeviceState.UNKNOWN : old.state(),
                    Headers.text(event, "ContactStatus")));
            return name;
        }
        return null;
    }

    /** The endpoint with this name, or {@code null}. */
    LiveEndpoint endpoint(String name) {
        return endpoints.get(name);
    }

    /** Every endpoint, by name. */
    List<LiveEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }
}
