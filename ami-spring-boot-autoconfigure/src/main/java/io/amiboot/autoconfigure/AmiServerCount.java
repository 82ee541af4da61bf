package io.amiboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** How many servers the {@code ami.*} properties configure, for conditions. */
final class AmiServerCount {

    private AmiServerCount() {
    }

    static int of(ConditionContext context) {
        AmiProperties properties = Binder.get(context.getEnvironment()).bind("ami", AmiProperties.class)
                .orElseGet(AmiProperties::new);
        return (properties.hasAddress() ? 1 : 0) + properties.getServers().size();
    }

    /** {@code ami.servers.*} has at least one entry. */
    static final class ServersConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean servers = !Binder.get(context.getEnvironment()).bind("ami", AmiProperties.class)
                    .orElseGet(AmiProperties::new).getServers().isEmpty();
            return servers ? ConditionOutcome.match("ami.servers.* is set") : ConditionOutcome.noMatch("no ami.servers.*");
        }
    }

    /** At most one server is configured by properties (none: an {@link AmiConnectionDetails} bean says). */
    static final class SingleServer extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            int count = of(context);
            return count <= 1 ? ConditionOutcome.match(count + " AMI server(s) in ami.*")
                    : ConditionOutcome.noMatch(count + " AMI servers in ami.*; use AmiClients");
        }
    }
}
