package io.amiboot.client;

/**
 * The greeting line Asterisk sends first on every AMI connection, e.g. {@code Asterisk Call Manager/11.0.0}.
 *
 * @param line the whole line without its line ending
 * @param version the AMI version after the slash
 */
record AmiBanner(String line, String version) {

    static final String PREFIX = "Asterisk Call Manager/";
}
