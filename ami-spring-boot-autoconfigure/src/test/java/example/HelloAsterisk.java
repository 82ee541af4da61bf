package example;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiClient;
import io.amiboot.client.AmiResponse;

public class HelloAsterisk {
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "ami://amiboot:amiboot@127.0.0.1:15038";
        try (AmiClient ami = AmiClient.connect(url).join()) {
            System.out.println("Connected to Asterisk " + ami.asteriskVersion());
            ami.addEventListener(event -> System.out.println("event " + event.name() + " " + event.get("Channel")));
            ami.send(AmiAction.builder("Originate").header("Channel", "Local/100@test")
                    .header("Application", "Wait").header("Data", "5").header("Async", "true").build()).join();
            Thread.sleep(1000);
            AmiResponse channels = ami.send(AmiAction.of("CoreShowChannels")).join();
            channels.events().forEach(c -> System.out.println("channel " + c.get("Channel") + " " + c.get("ChannelStateDesc")));
        }
    }
}
