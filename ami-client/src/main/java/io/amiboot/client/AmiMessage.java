package io.amiboot.client;

import java.util.List;

/**
 * What events and responses share: an immutable header block in wire order, read by name ignoring case.
 */
public abstract sealed class AmiMessage permits AmiEvent, AmiResponse {

    final AmiHeaders headers;

    AmiMessage(AmiHeaders headers) {
        this.headers = headers;
    }

    /** All headers in wire order. */
    public final AmiHeaders headers() {
        return headers;
    }

    /** The first value of header {@code name} (ignoring case), or {@code null}. */
    public final String get(String name) {
        return headers.get(name);
    }

    /** Every value of header {@code name} (ignoring case), in wire order. */
    public final List<String> getAll(String name) {
        return headers.getAll(name);
    }

    /**
     * The bytes this message took on the wire (its frame, without the blank line that ended it): what memory
     * bounds count, as it is what holding the message costs.
     */
    final int wireSize() {
        return headers.byteSize();
    }

    /** The {@code ActionID} this message answers, or {@code null}. */
    public final String actionId() {
        return headers.get("ActionID");
    }
}
