package io.amiboot.autoconfigure;

/** TLS, as with {@code amis://} ({@code ami.ssl.*}, {@code ami.servers.<name>.ssl.*}). */
public class AmiSslProperties {

    /** Whether to connect with TLS; implied by an amis:// URL or an SSL bundle. */
    private Boolean enabled;

    /** Name of the Spring Boot SSL bundle (spring.ssl.bundle.*) with the trust material and client key. */
    private String bundle;

    /** TLS settings with every value unset (inherited). */
    public AmiSslProperties() {
    }

    /** {@return whether to use TLS, or {@code null} when unset here; an amis:// URL or a bundle implies TLS} */
    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * Sets {@code ssl.enabled}.
     *
     * @param enabled whether to use TLS, or {@code null} to inherit it
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return the name of the SSL bundle with the trust material, or {@code null} when unset here} */
    public String getBundle() {
        return bundle;
    }

    /**
     * Sets {@code ssl.bundle}.
     *
     * @param bundle the name of a spring.ssl.bundle.* bundle, or {@code null} to inherit it
     */
    public void setBundle(String bundle) {
        this.bundle = bundle;
    }
}
