package io.amiboot.live;

import java.util.List;

/**
 * A queue with its members and waiting callers.
 *
 * @param name the queue name
 * @param strategy its ring strategy
 * @param completed how many calls it completed
 * @param abandoned how many calls were abandoned in it
 * @param members its members, by location
 * @param callers its waiting callers, by position
 */
public record LiveQueue(String name, String strategy, int completed, int abandoned, List<LiveQueueMember> members,
        List<LiveQueueCaller> callers) {

    /**
     * Copies the lists so the record stays immutable.
     *
     * @param name the queue name
     * @param strategy its ring strategy
     * @param completed how many calls it completed
     * @param abandoned how many calls were abandoned in it
     * @param members its members, by location
     * @param callers its waiting callers, by position
     */
    public LiveQueue {
        members = List.copyOf(members);
        callers = List.copyOf(callers);
    }
}
