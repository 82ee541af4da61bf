package io.amiboot.autoconfigure.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as a listener for AMI events of the given names (ignoring case), from every server or
 * only the given ones. The method takes no parameter, an {@link AmiApplicationEvent}, or the raw
 * {@link io.amiboot.client.AmiEvent}; it runs on the client's event thread, in wire order.
 *
 * <pre>{@code
 * @OnAmiEvent("Hangup")
 * void hungUp(AmiApplicationEvent event) {
 *     log.info("{} hung up on {}: {}", event.get("Channel"), event.getServer(), event.get("Cause-txt"));
 * }
 *
 * @OnAmiEvent(value = {"QueueCallerJoin", "QueueCallerLeave"}, server = "london")
 * void queueChanged(AmiEvent event) { ... }
 * }</pre>
 *
 * <p>Shorthand for {@code @EventListener(condition = "#event.name == 'Hangup'")}; a {@link #condition()} may
 * narrow it further. In a condition, {@code #event} is the method's parameter named {@code event}; a method without
 * parameters reaches the {@link AmiApplicationEvent} as {@code #root.event}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener(AmiApplicationEvent.class)
public @interface OnAmiEvent {

    /** {@return the event names to receive, e.g. {@code Hangup}; empty for every event} */
    String[] value() default {};

    /** {@return the servers to receive them from; empty for every server} */
    String[] server() default {};

    /**
     * {@return a SpEL condition as in {@link EventListener#condition()}, for instance {@code "#event.get('Cause') == '17'"}}
     */
    @AliasFor(annotation = EventListener.class, attribute = "condition")
    String condition() default "";

    /** {@return the listener's ID as in {@link EventListener#id()}} */
    @AliasFor(annotation = EventListener.class, attribute = "id")
    String id() default "";
}
