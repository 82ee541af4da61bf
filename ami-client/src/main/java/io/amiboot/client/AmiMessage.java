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

    /** {@return all headers in wire order} */
    public final AmiHeaders headers() {
        return headers;
    }

    /**
     * {@return the first value of a header, or null when there is none}
     *
     * @param name the header's name, compared ignoring case
     */
    public final String get(String name) {
        return headers.get(name);
    }

    /**
     * {@return every value of a header in wire order; empty when there is none}
     *
     * @param name the header's name, compared ignoring case
     */
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

    /** {@return the {@code ActionID} this message answers, or null (most events answer none)} */
    public final String actionId() {
        return headers.get("ActionID");
    }
}
