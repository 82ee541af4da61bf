package io.amiboot.autoconfigure;

import java.util.function.Function;

/**
 * The settings of one named server: its own {@code ami.servers.<name>.*} values, falling back to {@code ami.*}
 * for those it leaves unset. Each resolved value remembers the property that gave it, for error messages.
 */
final class ServerSettings {

    private final String name;

    private final AmiServerProperties own;

    private final AmiProperties top;

    private final String prefix;

    private ServerSettings(String name, AmiServerProperties own, AmiProperties top, String prefix) {
        this.name = name;
        this.own = own;
        this.top = top;
        this.prefix = prefix;
    }

    /** The settings of server {@code name}: {@code ami.servers.<name>} if configured, else {@code ami.*} itself. */
    static ServerSettings of(AmiProperties properties, String name) {
        AmiServerProperties own = properties.getServers().get(name);
        if (own == null) {
            return new ServerSettings(name, properties, properties, "ami");
        }
        return new ServerSettings(name, own, properties, "ami.servers." + name);
    }

    String name() {
        return name;
    }

    /** {@code ami} or {@code ami.servers.<name>}. */
    String prefix() {
        return prefix;
    }

    /** The server's own properties (for url and host, which are not inherited). */
    AmiServerProperties own() {
        return own;
    }

    /** The value of a setting, the server's own or else the inherited one, or {@code null} when unset. */
    <T> Setting<T> get(String key, Function<AmiServerProperties, T> getter) {
        T value = getter.apply(own);
        if (value != null || own == top) {
            return new Setting<>(value, prefix + "." + key);
        }
        return new Setting<>(getter.apply(top), "ami." + key);
    }

    /** A resolved setting and the property it came from. */
    record Setting<T>(T value, String property) {

        boolean isSet() {
            return value != null;
        }

        T orElse(T fallback) {
            return value != null ? value : fallback;
        }
    }
}
