package io.amiboot.action;

import io.amiboot.client.AmiAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@code Originate} should do: call the channel given to {@link #toChannel(String)} and, once it answers, connect it to a dialplan
 * location or run an application. {@code Async} is {@code true} unless set otherwise, because a synchronous
 * Originate holds the whole AMI session until the call is answered or fails.
 *
 * <pre>{@code
 * OriginateRequest call = OriginateRequest.toChannel("PJSIP/1001")
 *         .dialplan(DialplanLocation.of("from-internal", "600"))
 *         .callerId("\"Support\" <600>")
 *         .timeout(Duration.ofSeconds(30))
 *         .variable("TICKET", "4711")
 *         .build();
 * }</pre>
 */
public final class OriginateRequest implements ActionRequest {

    private final AmiAction action;

    private final Duration timeout;

    private final boolean async;

    private OriginateRequest(AmiAction action, Duration timeout, boolean async) {
        this.action = action;
        this.timeout = timeout;
        this.async = async;
    }

    /**
     * Starts a request that calls {@code channel}.
     *
     * @param channel the channel to call, e.g. {@code PJSIP/1001} or {@code Local/100@test}; not null
     * @return a builder; give it a {@link Builder#dialplan dialplan location} or an {@link Builder#application application}
     */
    public static Builder toChannel(String channel) {
        return new Builder(channel);
    }

    /** {@return the {@code Originate} action} */
    @Override
    public AmiAction action() {
        return action;
    }

    /** {@return how long the channel may ring, or {@code null} for Asterisk's default (30 s)} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return whether Asterisk answers at once and reports the outcome in an {@code OriginateResponse} event} */
    public boolean async() {
        return async;
    }

    @Override
    public String toString() {
        return "OriginateRequest[" + action + "]";
    }

    /** Collects the parts of an {@link OriginateRequest}. */
    public static final class Builder {

        private final String channel;

        private DialplanLocation location;

        private String application;

        private String data;

        private Duration timeout;

        private String callerId;

        private String account;

        private String codecs;

        private String channelId;

        private String otherChannelId;

        private Boolean earlyMedia;

        private boolean async = true;

        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
        }

        /**
         * Connects the answered channel to a dialplan location, instead of an application.
         *
         * @param location not null
         * @return this builder
         */
        public Builder dialplan(DialplanLocation location) {
            this.location = Objects.requireNonNull(location, "location");
            this.application = null;
            return this;
        }

        /**
         * Runs an application on the answered channel, instead of a dialplan location.
         *
         * @param application the application, e.g. {@code Playback}; not null
         * @param data its arguments, or null
         * @return this builder
         */
        public Builder application(String application, String data) {
            this.application = Objects.requireNonNull(application, "application");
            this.data = data;
            this.location = null;
            return this;
        }

        /**
         * How long the channel may ring (Asterisk's {@code Timeout}, 30 s when not set).
         *
         * @param timeout positive; sent in milliseconds
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Originate timeout must be positive but is " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The caller ID shown to the called party.
         *
         * @param callerId e.g. {@code "Support" <600>}; null for none
         * @return this builder
         */
        public Builder callerId(String callerId) {
            this.callerId = callerId;
            return this;
        }

        /**
         * The new channel's CDR account code.
         *
         * @param account the code; null for none
         * @return this builder
         */
        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /**
         * The codecs to offer.
         *
         * @param codecs comma separated, e.g. {@code ulaw,alaw}; null for the endpoint's own
         * @return this builder
         */
        public Builder codecs(String codecs) {
            this.codecs = codecs;
            return this;
        }

        /**
         * The unique ID to give the new channel (Asterisk's {@code ChannelId}).
         *
         * @param channelId the ID; null to let Asterisk choose
         * @return this builder
         */
        public Builder channelId(String channelId) {
            this.channelId = channelId;
            return this;
        }

        /**
         * The unique ID to give the second channel of a Local channel pair ({@code OtherChannelId}).
         *
         * @param otherChannelId the ID; null to let Asterisk choose
         * @return this builder
         */
        public Builder otherChannelId(String otherChannelId) {
            this.otherChannelId = otherChannelId;
            return this;
        }

        /**
         * Whether to connect the call on early media, before it is answered; not sent unless set.
         *
         * @param earlyMedia true to connect on early media
         * @return this builder
         */
        public Builder earlyMedia(boolean earlyMedia) {
            this.earlyMedia = earlyMedia;
            return this;
        }

        /**
         * Sets a channel variable on the new channel; each name is sent once, a repeated name replaces its value.
         *
         * @param name the variable's name; not null
         * @param value its value; not null
         * @return this builder
         * @throws IllegalArgumentException if the name holds {@code =}, {@code ,}, {@code (} or {@code )}, or the value
         *         a {@code ,} (see {@link ChannelVariables#check})
         */
        public Builder variable(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            ChannelVariables.check(name, value);
            variables.put(name, value);
            return this;
        }

        /**
         * Whether Asterisk answers the action at once ({@code true}, the default) or only after the call was answered
         * or failed, holding the whole AMI session meanwhile ({@code false}).
         *
         * @param async false for a synchronous Originate
         * @return this builder
         */
        public Builder async(boolean async) {
            this.async = async;
            return this;
        }

        /**
         * {@return the request with the parts set so far; the builder may go on and build again}
         *
         * @throws IllegalStateException when neither a dialplan location nor an application was given
         */
        public OriginateRequest build() {
            if (location == null && application == null) {
                throw new IllegalStateException("Originate to " + channel + " needs a dialplan location or an application");
            }
            AmiAction.Builder action = AmiAction.builder("Originate").header("Channel", channel);
            if (location != null) {
                action.header("Context", location.context()).header("Exten", location.exten())
                        .header("Priority", Integer.toString(location.priority()));
            }
            else {
                action.header("Application", application).headerIfPresent("Data", data);
            }
            action.headerIfPresent("Timeout", timeout == null ? null : timeout.toMillis())
                    .headerIfPresent("CallerID", callerId)
                    .headerIfPresent("Account", account)
                    .headerIfPresent("Codecs", codecs)
                    .headerIfPresent("ChannelId", channelId)
                    .headerIfPresent("OtherChannelId", otherChannelId)
                    .headerIfPresent("EarlyMedia", earlyMedia);
            variables.forEach((name, value) -> action.header("Variable", name + "=" + value));
            action.header("Async", Boolean.toString(async));
            return new OriginateRequest(action.build(), timeout, async);
        }
    }
}
