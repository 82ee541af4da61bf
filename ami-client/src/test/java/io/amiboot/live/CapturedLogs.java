package io.amiboot.live;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.LoggerFactory;

/**
 * The log lines of one test, as its formatted messages, taken from Logback's root logger (this module has no
 * Spring Boot test support to capture the console with). Declare a parameter of this type and extend with it.
 */
final class CapturedLogs implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CapturedLogs.class);

    private final ListAppender<ILoggingEvent> appender;

    CapturedLogs() {
        this(null);
    }

    private CapturedLogs(ListAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /** The messages logged since the test began, oldest first. */
    Stream<String> lines() {
        List<ILoggingEvent> events;
        // Logback appends under the appender's monitor (AppenderBase.doAppend), from the event thread too.
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(ILoggingEvent::getFormattedMessage);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CapturedLogs.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root().addAppender(appender);
        context.getStore(NAMESPACE).put(ListAppender.class, appender);
        return new CapturedLogs(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Object appender = context.getStore(NAMESPACE).remove(ListAppender.class);
        if (appender instanceof ListAppender<?> attached) {
            @SuppressWarnings("unchecked")
            ListAppender<ILoggingEvent> events = (ListAppender<ILoggingEvent>) attached;
            root().detachAppender(events);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
