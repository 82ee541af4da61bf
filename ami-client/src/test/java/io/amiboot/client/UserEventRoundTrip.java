package io.amiboot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Proves a logged-in client receives events: it sends a UserEvent with a unique name and waits to receive it back. */
public final class UserEventRoundTrip {

    private UserEventRoundTrip() {
    }

    public static void sendAndReceive(AmiClient client, String namePrefix) throws Exception {
        BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
        String marker = namePrefix + UUID.randomUUID().toString().replace("-", "");
        AmiClient.Registration registration = client.addEventListener(events::add);
        try {
            assertThat(client.send(AmiAction.builder("UserEvent").header("UserEvent", marker).build()).get(10, TimeUnit.SECONDS)
                    .isSuccess()).isTrue();
            AmiEvent received;
            do {
                received = events.poll(10, TimeUnit.SECONDS);
                assertThat(received).as("the UserEvent %s", marker).isNotNull();
            }
            while (!(received.is("UserEvent") && marker.equals(received.get("UserEvent"))));
        }
        finally {
            registration.close();
        }
    }
}
