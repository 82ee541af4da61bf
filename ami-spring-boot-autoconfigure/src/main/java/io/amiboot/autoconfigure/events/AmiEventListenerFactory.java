package io.amiboot.autoconfigure.events;

import java.lang.reflect.Method;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Turns {@link OnAmiEvent} methods into listeners that receive only the named events of the named servers. */
public final class AmiEventListenerFactory implements EventListenerFactory, Ordered {

    /** The factory the auto-configuration registers, unless the context already has one. */
    public AmiEventListenerFactory() {
    }

    @Override
    public boolean supportsMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, OnAmiEvent.class);
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        OnAmiEvent annotation = AnnotatedElementUtils.findMergedAnnotation(method, OnAmiEvent.class);
        return new AmiEventListenerMethodAdapter(beanName, type, method, annotation);
    }

    /** Before Spring's default factory, which would otherwise take these methods as plain listeners. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
