package io.amiboot.autoconfigure.events;

import io.amiboot.event.TypedEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * A typed AMI event published as Spring publishes any object ({@code PayloadApplicationEvent<HangupEvent>}, so the
 * same listeners take it), with that type worked out once per event class: Spring's own wrapping builds and looks
 * up several {@link ResolvableType}s for each event and again for each listener call, most of what publishing a
 * typed event cost (measured in the benchmarks' {@code SpringPublishBenchmark}).
 */
final class TypedPayloadEvent extends PayloadApplicationEvent<TypedEvent> {

    private static final ClassValue<ResolvableType> TYPES = new ClassValue<>() {

        @Override
        protected ResolvableType computeValue(Class<?> payloadClass) {
            return ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, payloadClass);
        }
    };

    TypedPayloadEvent(Object source, TypedEvent payload) {
        super(source, payload, TYPES.get(payload.getClass()).getGeneric());
    }

    @Override
    public ResolvableType getResolvableType() {
        return TYPES.get(getPayload().getClass());
    }
}
