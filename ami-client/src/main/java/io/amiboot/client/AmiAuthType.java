package io.amiboot.client;

/**
 * How the client proves its secret at login.
 */
public enum AmiAuthType {

    /** {@code Login} with the secret in clear text; use it over TLS or on loopback. */
    PLAIN,

    /** {@code Challenge}, then {@code Login} with {@code Key} = md5(challenge + secret); the secret never travels. */
    MD5
}
