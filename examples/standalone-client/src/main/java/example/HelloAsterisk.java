package example;

import io.amiboot.action.AmiActionSender;
import io.amiboot.action.OriginateRequest;
import io.amiboot.action.OriginateResult;
import io.amiboot.client.AmiClient;
import io.amiboot.live.LiveModel;
import java.time.Clock;
import java.time.Duration;

public class HelloAsterisk {
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "ami://amiboot:amiboot@127.0.0.1:15038";
        try (AmiClient ami = AmiClient.connect(url).join();
             LiveModel live = new LiveModel(ami, Clock.systemUTC()).start()) {
            System.out.println("Connected to Asterisk " + ami.asteriskVersion());
            ami.addEventListener(event -> System.out.println("event " + event.name() + " " + event.get("Channel")));
            AmiActionSender actions = new AmiActionSender(ami);
            OriginateResult call = actions.originateAndAwait(OriginateRequest.toChannel("Local/100@test")
                    .application("Wait", "5").timeout(Duration.ofSeconds(10)).build()).join();
            System.out.println("originated " + call.channel() + (call.success() ? " (answered)" : " (failed)"));
            actions.coreShowChannels().join()
                    .forEach(c -> System.out.println("channel " + c.get("Channel") + " " + c.get("ChannelStateDesc")));
            live.snapshot().calls().forEach(c -> System.out.println("live call " + c.id() + " " + c.first().name()));
        }
    }
}
