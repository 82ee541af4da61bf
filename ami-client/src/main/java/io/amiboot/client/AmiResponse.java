package io.amiboot.client;

import java.util.List;
import java.util.Objects;

/**
 * An immutable AMI response to one action, with the events of a list action when it started one.
 *
 * <p>A list action (one whose response says {@code EventList: start}) completes only when its
 * {@code EventList: Complete} event arrives; {@link #events()} then holds its entries in wire order and
 * {@link #completion()} the closing event. Command output is in {@link #output()}, whichever of the two
 * formats the server used.
 */
public final class AmiResponse extends AmiMessage {

    private final String type;

    private final List<String> legacyOutput;

    private final List<AmiEvent> events;

    private final AmiEvent completion;

    AmiResponse(String type, AmiHeaders headers, List<String> legacyOutput, List<AmiEvent> events, AmiEvent completion) {
        super(headers);
        this.type = type;
        this.legacyOutput = legacyOutput;
        this.events = events;
        this.completion = completion;
    }

    AmiResponse(String type, AmiHeaders headers) {
        this(type, headers, null, List.of(), null);
    }

    /**
     * Builds a response without list or legacy output, e.g. for tests.
     *
     * @param namesAndValues alternating header names and values, in wire order; a {@code Response} header among them
     * @return the response
     * @throws IllegalArgumentException without a {@code Response} header, or with an odd number of strings
     */
    public static AmiResponse of(String... namesAndValues) {
        AmiHeaders headers = AmiHeaders.of(namesAndValues);
        String type = headers.get("Response");
        if (type == null) {
            throw new IllegalArgumentException("An AMI response needs a 'Response' header");
        }
        return new AmiResponse(type, headers);
    }

    /** This response with the entries and completion event of the list it started. */
    AmiResponse withList(List<AmiEvent> entries, AmiEvent completionEvent) {
        return new AmiResponse(type, headers, legacyOutput, List.copyOf(entries), completionEvent);
    }

    /** {@return the value of the {@code Response} header: {@code Success}, {@code Error}, {@code Goodbye} or {@code Follows}} */
    public String type() {
        return type;
    }

    /** {@return whether Asterisk accepted the action: any type but {@code Error}} */
    public boolean isSuccess() {
        return !"Error".equalsIgnoreCase(type);
    }

    /** {@return the {@code Message} header, or null} */
    public String message() {
        return headers.get("Message");
    }

    /** {@return whether this response started an event list ({@code EventList: start})} */
    public boolean isListStart() {
        int index = headers.indexOf("EventList", 0);
        return index >= 0 && headers.valueEqualsIgnoreCase(index, "start");
    }

    /**
     * {@return the output of a {@code Command} action, one element per line} These are the {@code Output} headers
     * of Asterisk 14+, or the raw lines of a legacy {@code Response: Follows}; empty for other actions.
     */
    public List<String> output() {
        return legacyOutput != null ? legacyOutput : headers.getAll("Output");
    }

    /** {@return the entry events of the list this response started, in wire order; empty for other actions} */
    public List<AmiEvent> events() {
        return events;
    }

    /** {@return the event that completed this response's list ({@code EventList: Complete}), or null} */
    public AmiEvent completion() {
        return completion;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AmiResponse response && response.headers.equals(headers)
                && Objects.equals(response.legacyOutput, legacyOutput) && response.events.equals(events)
                && Objects.equals(response.completion, completion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, legacyOutput, events, completion);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(64).append("AmiResponse[");
        headers.appendTo(text);
        if (legacyOutput != null) {
            text.append(", output: ").append(legacyOutput.size()).append(" lines");
        }
        if (completion != null) {
            text.append(", events: ").append(events.size()).append(" + ").append(completion.name());
        }
        return text.append(']').toString();
    }
}
