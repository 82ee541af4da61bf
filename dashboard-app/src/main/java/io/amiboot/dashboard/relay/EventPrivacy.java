package io.amiboot.dashboard.relay;

import io.amiboot.client.AmiEvent;
import io.amiboot.dashboard.DashboardProperties;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which AMI events the raw event log may show: none whose name or class ({@code Privilege} header) is denied by
 * {@code dashboard.event-log.*}. DTMF digits, variable values, call records and authentication details stay out
 * even for supervisors unless an operator of the dashboard opts in.
 */
public final class EventPrivacy {

    private final Set<String> deniedClasses;

    private final Set<String> deniedEvents;

    /**
     * The rules of {@code dashboard.event-log}.
     *
     * @param rules the denied classes and event names, compared ignoring case
     */
    public EventPrivacy(DashboardProperties.EventLogPrivacy rules) {
        this.deniedClasses = lowerCase(rules.deniedClasses());
        this.deniedEvents = lowerCase(rules.deniedEvents());
    }

    /**
     * Whether the event log may show {@code event}.
     *
     * @param event an AMI event
     * @return {@code false} if its name or one of its classes is denied
     */
    public boolean allows(AmiEvent event) {
        if (deniedEvents.contains(event.name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String privilege = event.get("Privilege");
        return privilege == null || Arrays.stream(privilege.split(","))
                .noneMatch(eventClass -> deniedClasses.contains(eventClass.trim().toLowerCase(Locale.ROOT)));
    }

    private static Set<String> lowerCase(Collection<String> names) {
        return names.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
