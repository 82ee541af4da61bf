package io.amiboot.autoconfigure;

import io.amiboot.client.EventOverflowPolicy;
import org.springframework.util.unit.DataSize;

/** Which events to receive and how to deliver them ({@code ami.events.*}, {@code ami.servers.<name>.events.*}). */
public class AmiEventsProperties {

    /** Event classes sent to this client at login: on, off, or a list such as call,agent,system. */
    private String mask;

    /** How many events may wait for slow listeners before the overflow policy applies. */
    private Integer bufferSize;

    /** How many bytes of events (wire size) may wait for slow listeners before the overflow policy applies. */
    private DataSize bufferBytes;

    /** What gives when the event buffer is full. */
    private EventOverflowPolicy overflowPolicy;

    /** Whether to publish each AMI event (raw, and typed for the types a listener takes) and connection change as Spring application events. */
    private Boolean publish;

    /** Event settings with every value unset (inherited). */
    public AmiEventsProperties() {
    }

    /** {@return the event mask sent at login, or {@code null} when unset here} */
    public String getMask() {
        return mask;
    }

    /**
     * Sets {@code events.mask}.
     *
     * @param mask on, off, or event classes such as call,agent,system; or {@code null} to inherit it
     */
    public void setMask(String mask) {
        this.mask = mask;
    }

    /** {@return how many events may wait for slow listeners, or {@code null} when unset here} */
    public Integer getBufferSize() {
        return bufferSize;
    }

    /**
     * Sets {@code events.buffer-size}.
     *
     * @param bufferSize how many events may wait for slow listeners, or {@code null} to inherit it
     */
    public void setBufferSize(Integer bufferSize) {
        this.bufferSize = bufferSize;
    }

    /** {@return how many bytes of events may wait for slow listeners, or {@code null} when unset here} */
    public DataSize getBufferBytes() {
        return bufferBytes;
    }

    /**
     * Sets {@code events.buffer-bytes}.
     *
     * @param bufferBytes how many bytes of events (wire size) may wait, or {@code null} to inherit it
     */
    public void setBufferBytes(DataSize bufferBytes) {
        this.bufferBytes = bufferBytes;
    }

    /** {@return what gives when the event buffer is full, or {@code null} when unset here} */
    public EventOverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    /**
     * Sets {@code events.overflow-policy}.
     *
     * @param overflowPolicy what gives when the event buffer is full, or {@code null} to inherit it
     */
    public void setOverflowPolicy(EventOverflowPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    /** {@return whether events become Spring application events, or {@code null} when unset here} */
    public Boolean getPublish() {
        return publish;
    }

    /**
     * Sets {@code events.publish}.
     *
     * @param publish whether events become Spring application events, or {@code null} to inherit it
     */
    public void setPublish(Boolean publish) {
        this.publish = publish;
    }
}
