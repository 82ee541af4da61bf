package io.amiboot.autoconfigure.events;

import io.amiboot.event.EventCatalogue;
import io.amiboot.event.TypedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.core.ResolvableType;

/**
 * Which AMI events some listener wants as their typed class ({@code @EventListener void on(HangupEvent e)}, or
 * {@code on(ChannelEvent e)} for all channel events): only those are built and published, so typed listening costs
 * nothing for the events no one takes by type. The answer per event name is kept until the set of listeners changes.
 */
public final class TypedEventInterest implements ApplicationListener<ContextRefreshedEvent> {

    private final Supplier<Collection<ApplicationListener<?>>> registered;

    private final Supplier<Collection<ApplicationListener<?>>> beans;

    private final Map<String, Boolean> wanted = new ConcurrentHashMap<>();

    private volatile int listenerCount = -1;

    /** Listener beans are asked for only once the context is refreshed, never while beans are being created. */
    private volatile boolean refreshed;

    /**
     * Asks the given listeners.
     * @param registered the listeners registered with the context, {@code @EventListener} methods among them (a live
     *        view: its size is checked for each event, so it must be cheap)
     * @param beans the listeners defined as beans, asked for only when the answers are worked out again and the
     *        context is refreshed
     */
    public TypedEventInterest(Supplier<Collection<ApplicationListener<?>>> registered,
            Supplier<Collection<ApplicationListener<?>>> beans) {
        this.registered = registered;
        this.beans = beans;
    }

    /**
     * Whether a listener takes the typed class of this event.
     * @param eventName the AMI event's name
     * @return {@code false} as well for an event the catalogue does not know
     */
    public boolean wants(String eventName) {
        int count = registered.get().size();
        if (count != listenerCount) {
            wanted.clear();
            listenerCount = count;
        }
        return wanted.computeIfAbsent(eventName, name -> wantedBy(all(), EventCatalogue.type(name)));
    }

    private static boolean wantedBy(List<ApplicationListener<?>> listeners, Class<? extends TypedEvent> type) {
        if (type == null) {
            return false;
        }
        ResolvableType published = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, type);
        for (ApplicationListener<?> listener : listeners) {
            GenericApplicationListener generic = listener instanceof GenericApplicationListener already ? already
                    : new GenericApplicationListenerAdapter(listener);
            if (generic.supportsEventType(published)) {
                return true;
            }
        }
        return false;
    }

    /** Listeners defined as beans are known once the context is refreshed: ask again. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        refreshed = true;
        listenerCount = -1;
    }

    private List<ApplicationListener<?>> all() {
        List<ApplicationListener<?>> all = new ArrayList<>(registered.get());
        if (!refreshed) {
            return all;
        }
        beans.get().stream().filter(bean -> !all.contains(bean)).forEach(all::add);
        return all;
    }
}
