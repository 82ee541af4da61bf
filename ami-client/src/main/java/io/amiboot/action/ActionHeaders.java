package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How the generated actions hold their parameters: an ordered map, checked by {@link AmiAction} as it is set. */
final class ActionHeaders {

    private ActionHeaders() {
    }

    /** The required parameters, given as name, value, name, value...; a {@code null} value names itself. */
    static Map<String, String> required(String action, String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            headers.put(name, Objects.requireNonNull(namesAndValues[i + 1], () -> action + " needs " + name));
        }
        return Collections.unmodifiableMap(headers);
    }

    /** A copy with one parameter set, replacing an earlier value; {@code null} removes it. */
    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        }
        else {
            copy.put(name, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The action, its headers checked as {@link AmiAction.Builder#header} checks every header. */
    static AmiAction build(String action, Map<String, String> headers) {
        AmiAction.Builder builder = AmiAction.builder(action);
        headers.forEach(builder::header);
        return builder.build();
    }
}
