package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiClient;
import io.amiboot.event.EventCatalogue;
import io.amiboot.event.TypedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Which AMI events some listener wants: raw ({@link AmiApplicationEvent}, {@code @OnAmiEvent}, or any listener
 * taking a supertype such as {@code ApplicationEvent}) and as which typed classes ({@code @EventListener void
 * on(HangupEvent e)}, or {@code on(ChannelEvent e)} for all channel events). Only what someone takes is built and
 * published, so an application with typed listeners alone pays nothing for the raw events, and typed listening
 * costs nothing for the events no one takes by type.
 *
 * <p>Listeners of the context and of its ancestors count (Spring passes every event on to the parent). The answers
 * are kept until the number of listeners registered with any of those contexts changes, or the context is
 * refreshed. An ancestor whose listeners cannot be listed (not an {@link AbstractApplicationContext}) makes every
 * event wanted, raw and typed.
 */
public final class AmiEventInterest implements ApplicationListener<ContextRefreshedEvent> {

    private static final ResolvableType RAW = ResolvableType.forClass(AmiApplicationEvent.class);

    private final List<ApplicationContext> contexts = new ArrayList<>();

    private final boolean unknownAncestor;

    private final Map<String, Boolean> typed = new ConcurrentHashMap<>();

    private volatile Boolean raw;

    private volatile int listenerCount = -1;

    /** Listener beans are asked for only once the context is refreshed, never while beans are being created. */
    private volatile boolean refreshed;

    /**
     * Asks the listeners of {@code context} and its ancestors.
     *
     * @param context the context AMI events are published to
     */
    public AmiEventInterest(ApplicationContext context) {
        boolean unknown = false;
        for (ApplicationContext each = context; each != null; each = each.getParent()) {
            contexts.add(each);
            unknown |= !(each instanceof AbstractApplicationContext);
        }
        this.unknownAncestor = unknown;
    }

    /** {@return whether a listener takes the raw {@link AmiApplicationEvent}} */
    public boolean wantsRaw() {
        forgetIfListenersChanged();
        Boolean wanted = raw;
        if (wanted == null) {
            wanted = unknownAncestor || anyTakes(RAW, AmiClient.class);
            raw = wanted;
        }
        return wanted;
    }

    /**
     * Whether a listener takes the typed class of this event.
     *
     * @param eventName the AMI event's name
     * @return {@code false} as well for an event the catalogue does not know
     */
    public boolean wantsTyped(String eventName) {
        forgetIfListenersChanged();
        return typed.computeIfAbsent(eventName, name -> {
            Class<? extends TypedEvent> type = EventCatalogue.type(name);
            return type != null && (unknownAncestor
                    || anyTakes(ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, type), null));
        });
    }

    /** Listeners defined as beans are known once the context is refreshed: ask again. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() == contexts.get(0)) {
            refreshed = true;
            listenerCount = -1;
        }
    }

    private void forgetIfListenersChanged() {
        int count = 0;
        for (ApplicationContext context : contexts) {
            if (context instanceof AbstractApplicationContext abstractContext) {
                count += abstractContext.getApplicationListeners().size();
            }
        }
        if (count != listenerCount) {
            typed.clear();
            raw = null;
            listenerCount = count;
        }
    }

    private boolean anyTakes(ResolvableType eventType, Class<?> sourceType) {
        for (ApplicationListener<?> listener : listeners()) {
            GenericApplicationListener generic = listener instanceof GenericApplicationListener already ? already
                    : new GenericApplicationListenerAdapter(listener);
            if (generic.supportsEventType(eventType) && (sourceType == null || generic.supportsSourceType(sourceType))) {
                return true;
            }
        }
        return false;
    }

    private Set<ApplicationListener<?>> listeners() {
        Set<ApplicationListener<?>> all = new LinkedHashSet<>();
        for (ApplicationContext context : contexts) {
            if (context instanceof AbstractApplicationContext abstractContext) {
                all.addAll(abstractContext.getApplicationListeners());
            }
            // An ancestor is refreshed before its children; this context's beans only once it is.
            if (context != contexts.get(0) || refreshed) {
                context.getBeansOfType(ApplicationListener.class, false, false).values()
                        .forEach(listener -> all.add((ApplicationListener<?>) listener));
            }
        }
        return all;
    }
}
