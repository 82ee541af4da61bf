package io.amiboot.action;

import io.amiboot.client.AmiAction;
import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Hangs up the channels of a call one after the other, counting a channel Asterisk no longer knows as gone rather
 * than as a failure. Hanging up one half of a Local channel pair, or one party of a bridge, ends the others before
 * their own {@code Hangup} arrives, and Asterisk answers those with {@code No such channel}: the call ending was what
 * was asked, whichever channel went first.
 */
public final class CallHangup {

    /** Asterisk's {@code Message} when a {@code Hangup} names a channel it does not know (or no longer knows). */
    static final String NO_SUCH_CHANNEL = "No such channel";

    private CallHangup() {
    }

    /**
     * What became of each channel.
     *
     * @param hungUp the channels Asterisk accepted the {@code Hangup} of, in order
     * @param alreadyGone the channels Asterisk no longer knew, in order
     */
    public record Outcome(List<String> hungUp, List<String> alreadyGone) {

        /**
         * Copies the lists.
         *
         * @param hungUp the channels hung up
         * @param alreadyGone the channels already gone
         */
        public Outcome {
            hungUp = List.copyOf(hungUp);
            alreadyGone = List.copyOf(alreadyGone);
        }
    }

    /**
     * {@return whether {@code failure} (or what it wraps) is Asterisk saying the channel does not exist}
     *
     * @param failure a failure of a {@code Hangup}, possibly wrapped in a {@link CompletionException}
     */
    public static boolean isChannelGone(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof AmiActionException refused && NO_SUCH_CHANNEL.equalsIgnoreCase(refused.response().message());
    }

    /**
     * Sends a {@code Hangup} for each channel, each once the one before was answered.
     *
     * @param sender sends an action and gives Asterisk's answer, e.g. {@code client::send}
     * @param channels the call's channel names
     * @param cause the Q.850 cause code (16 normal clearing)
     * @return a future of what became of each channel; it fails with the first failure that is not
     *     {@code No such channel} (the channels after it are not sent)
     */
    public static CompletableFuture<Outcome> hangUp(Function<AmiAction, CompletableFuture<AmiResponse>> sender,
            List<String> channels, int cause) {
        List<String> hungUp = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String channel : List.copyOf(channels)) {
            // Each step runs after the previous one completed, so the lists are never written concurrently.
            chain = chain.thenCompose(ignored -> sender.apply(new HangupAction(channel).cause(Integer.toString(cause)).action())
                    .handle((response, failure) -> {
                        if (failure == null) {
                            hungUp.add(channel);
                        }
                        else if (isChannelGone(failure)) {
                            gone.add(channel);
                        }
                        else {
                            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
                        }
                        return null;
                    }));
        }
        return chain.thenApply(ignored -> new Outcome(hungUp, gone));
    }
}
