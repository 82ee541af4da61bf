package io.amiboot.client;

import java.util.List;

/** The events of the byte-exact Asterisk 22 capture, decoded by the client's own decoders, for other packages' tests. */
public final class CapturedSession {

    private CapturedSession() {
    }

    /** {@return every event of the capture, in wire order} */
    public static List<AmiEvent> events() {
        return Wire.decode(List.of(Wire.capture())).stream()
                .filter(AmiEvent.class::isInstance).map(AmiEvent.class::cast).toList();
    }
}
