package io.amiboot.client;

import io.amiboot.client.AmiClientObserver.Outcome;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches responses to actions by {@code ActionID}: gives each outgoing action the connection's next ID
 * (see {@link ActionIds}), completes its future when the response comes (or, for a list action, when its
 * {@code EventList: Complete} event comes), fails it on timeout or disconnect, and lets every other event of the
 * {@link InboundBatch} through to subscribers. A list gathers at most {@code maxListBytes} of entries; past that
 * its action fails with {@link AmiListTooLargeException} and the rest of the list is dropped as it comes.
 *
 * <p>Futures complete on the callback executor, never on the event loop, so that callers' callbacks cannot
 * stall the socket; the completions of one read go as one task. A response that comes after its action timed out is dropped quietly.
 */
final class ActionCorrelator extends ChannelDuplexHandler {

    private static final Logger logger = LoggerFactory.getLogger(ActionCorrelator.class);

    /**
     * Events Asterisk broadcasts to every session with the ActionID of the session that caused them: never
     * entries of this client's lists, whatever their ActionID. {@code OriginateResponse} carries the ActionID of
     * the {@code Originate} (async) that placed the call, {@code UserEvent} every header of the {@code UserEvent}
     * action that sent it (or whatever the dialplan's {@code UserEvent()} put in it).
     */
    private static final List<String> BROADCAST_WITH_FOREIGN_ACTION_ID = List.of("OriginateResponse", "UserEvent");

    private final Map<String, PendingAction> pending = new HashMap<>();

    private final Executor callbackExecutor;

    private final AmiClientObserver observer;

    /** Futures to complete, gathered over one read so that a burst of responses costs one executor task. */
    private List<Runnable> completions = new ArrayList<>();

    private final ActionIds actionIds;

    private final long maxListBytes;

    private int openLists;

    /** Run on the event loop after answers settled actions, so that actions waiting for room can be written. */
    private Runnable onSettled = () -> {
    };

    ActionCorrelator(Executor callbackExecutor, AmiClientObserver observer, ActionIds actionIds, long maxListBytes) {
        this.callbackExecutor = callbackExecutor;
        this.observer = observer;
        this.actionIds = actionIds;
        this.maxListBytes = maxListBytes;
    }

    /** Sets what runs on the event loop after actions were settled (answered, timed out or failed). */
    void onSettled(Runnable onSettled) {
        this.onSettled = onSettled;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PendingAction action)) {
            ctx.write(msg, promise);
            return;
        }
        if (action.future.isDone()) {
            // Cancelled by the caller before it reached the socket.
            promise.setSuccess();
            return;
        }
        String actionId = actionIds.next();
        action.actionId = actionId;
        action.sentAtNanos = System.nanoTime();
        pending.put(actionId, action);
        // The timeout counts from the send: time spent waiting in the outbound queue is part of it.
        action.timeoutTask = ctx.executor().schedule(() -> timeOut(action),
                Math.max(0, action.deadlineNanos - ctx.executor().ticker().nanoTime()), TimeUnit.NANOSECONDS);
        observer.actionSent(action.action.name());
        ctx.write(action, promise.unvoid()).addListener(written -> {
            if (!written.isSuccess() && pending.remove(actionId) == action) {
                finish(action, Outcome.DISCONNECTED, null, new AmiConnectionException("Action " + action.action.name()
                        + " could not be written: " + written.cause().getMessage(), written.cause()));
                runCompletions();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof InboundBatch batch)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean consumed = false;
        for (int i = 0; i < batch.size(); i++) {
            Object message = batch.get(i);
            if (message instanceof AmiResponse response) {
                onResponse(response);
                batch.set(i, null);
                consumed = true;
            }
            else if (openLists > 0 && gatheredIntoList((AmiEvent) message)) {
                batch.set(i, null);
                consumed = true;
            }
        }
        if (consumed) {
            batch.compact();
        }
        if (!batch.isEmpty()) {
            ctx.fireChannelRead(batch);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        runCompletions();
        ctx.fireChannelReadComplete();
    }

    private void onResponse(AmiResponse response) {
        String actionId = response.actionId();
        PendingAction action = actionId == null ? null : pending.get(actionId);
        if (action == null) {
            logger.debug("Dropping a response to no pending action (it may have timed out): {}", response);
            return;
        }
        if (action.gatheringList()) {
            logger.debug("Ignoring a second response to list action {}: {}", actionId, response);
            return;
        }
        if (response.isSuccess() && response.isListStart()) {
            action.startList(response);
            openLists++;
            return;
        }
        pending.remove(actionId);
        if (response.isSuccess()) {
            finish(action, Outcome.SUCCESS, response, null);
        }
        else {
            finish(action, Outcome.ERROR, null, new AmiActionException(action.action.name(), response));
        }
    }

    /** Adds an event to the list of its action, if it belongs to one; completes the list at its end. */
    private boolean gatheredIntoList(AmiEvent event) {
        AmiHeaders headers = event.headers();
        int actionIdIndex = headers.indexOf("ActionID", 0);
        if (actionIdIndex < 0) {
            return false;
        }
        PendingAction action = pending.get(headers.value(actionIdIndex));
        if (action == null || !action.gatheringList() || isBroadcastWithForeignActionId(event)) {
            return false;
        }
        int eventListIndex = headers.indexOf("EventList", 0);
        if (eventListIndex >= 0 && headers.valueEqualsIgnoreCase(eventListIndex, "Complete")) {
            pending.remove(action.actionId);
            openLists--;
            if (action.listEntries != null) {
                finish(action, Outcome.SUCCESS, action.listResponse.withList(action.listEntries, event), null);
            }
            else {
                action.timeoutTask.cancel(false);
            }
        }
        else if (action.listEntries != null) {
            action.listBytes += event.wireSize();
            if (action.listBytes > maxListBytes) {
                failTooLarge(action);
            }
            else {
                action.listEntries.add(event);
            }
        }
        return true;
    }

    private static boolean isBroadcastWithForeignActionId(AmiEvent event) {
        for (String name : BROADCAST_WITH_FOREIGN_ACTION_ID) {
            if (event.name().length() == name.length() && event.is(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails a list past its bound and lets go of its entries, but keeps it pending (its timeout running) so that
     * the rest of it is recognised and dropped rather than passed to subscribers as events.
     */
    private void failTooLarge(PendingAction action) {
        int entries = action.listEntries.size();
        action.listEntries = null;
        logger.warn("Dropping the rest of the list of {} (ActionID {}): it grew past {} bytes after {} entries",
                action.action.name(), action.actionId, maxListBytes, entries);
        AmiListTooLargeException failure = new AmiListTooLargeException(action.action.name(), action.actionId,
                entries, maxListBytes);
        observer.actionCompleted(action.action.name(), System.nanoTime() - action.sentAtNanos, Outcome.ERROR);
        completions.add(() -> action.future.completeExceptionally(failure));
    }

    private void timeOut(PendingAction action) {
        if (pending.remove(action.actionId) == action) {
            if (action.gatheringList()) {
                openLists--;
                if (action.listEntries == null) {
                    // Already failed as too large; its end never came.
                    return;
                }
            }
            finish(action, Outcome.TIMEOUT, null, new AmiTimeoutException(action.action.name(), action.actionId, action.timeout));
            runCompletions();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll("the connection to Asterisk closed before the response came");
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failAll("the connection to Asterisk closed before the response came");
    }

    private void failAll(String reason) {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingAction> actions = new ArrayList<>(pending.values());
        pending.clear();
        openLists = 0;
        for (PendingAction action : actions) {
            if (action.gatheringList() && action.listEntries == null) {
                continue;
            }
            finish(action, Outcome.DISCONNECTED, null, new AmiConnectionException("Action " + action.action.name()
                    + " (ActionID " + action.actionId + ") failed: " + reason));
        }
        runCompletions();
    }

    /** The number of actions written and not yet answered. */
    int inFlight() {
        return pending.size();
    }

    private void finish(PendingAction action, Outcome outcome, AmiResponse response, Throwable failure) {
        if (action.timeoutTask != null) {
            action.timeoutTask.cancel(false);
        }
        observer.actionCompleted(action.action.name(), System.nanoTime() - action.sentAtNanos, outcome);
        if (failure == null && action.onAcceptedInLoop != null) {
            action.onAcceptedInLoop.run();
        }
        if (failure == null) {
            completions.add(() -> action.future.complete(response));
        }
        else {
            completions.add(() -> action.future.completeExceptionally(failure));
        }
    }

    /** Completes the gathered futures on the callback executor, in the order their responses came. */
    private void runCompletions() {
        if (completions.isEmpty()) {
            return;
        }
        List<Runnable> batch = completions;
        completions = new ArrayList<>();
        if (batch.size() == 1) {
            callbackExecutor.execute(batch.get(0));
        }
        else {
            callbackExecutor.execute(() -> batch.forEach(Runnable::run));
        }
        onSettled.run();
    }
}
