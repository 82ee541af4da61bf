package io.amiboot.autoconfigure.events;

import io.amiboot.client.AmiEvent;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;

/** Invokes an {@link OnAmiEvent} method for the AMI events of its names and servers only. */
final class AmiEventListenerMethodAdapter extends ApplicationListenerMethodAdapter {

    private final String[] names;

    private final String[] servers;

    private final boolean rawEvent;

    AmiEventListenerMethodAdapter(String beanName, Class<?> targetClass, Method method, OnAmiEvent annotation) {
        super(beanName, targetClass, method);
        this.names = annotation.value().clone();
        this.servers = annotation.server().clone();
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || (parameters.length == 1 && parameters[0] != AmiEvent.class
                && !parameters[0].isAssignableFrom(AmiApplicationEvent.class))) {
            throw new IllegalStateException("@OnAmiEvent method " + method + " must take no parameter, an "
                    + "AmiApplicationEvent or an AmiEvent");
        }
        this.rawEvent = parameters.length == 1 && parameters[0] == AmiEvent.class;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (matches(event)) {
            super.onApplicationEvent(event);
        }
    }

    @Override
    public boolean shouldHandle(ApplicationEvent event) {
        return matches(event) && super.shouldHandle(event);
    }

    @Override
    protected Object[] resolveArguments(ApplicationEvent event) {
        Object[] arguments = super.resolveArguments(event);
        if (rawEvent && arguments != null && arguments.length == 1 && event instanceof AmiApplicationEvent ami) {
            return new Object[] {ami.getEvent()};
        }
        return arguments;
    }

    private boolean matches(ApplicationEvent event) {
        if (!(event instanceof AmiApplicationEvent ami)) {
            return false;
        }
        return (names.length == 0 || Arrays.stream(names).anyMatch(ami::is))
                && (servers.length == 0 || Arrays.asList(servers).contains(ami.getServer()));
    }
}
