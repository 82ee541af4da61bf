package io.amiboot.dashboard.validation;

import java.util.regex.Pattern;

/** Strict checks of request fields: each one names the field it rejects. */
public final class Fields {

    /** A call ID ({@code Linkedid}) or a channel's {@code Uniqueid}. */
    public static final Pattern ID = Pattern.compile("[0-9]{1,20}\\.[0-9]{1,10}");

    /** A channel name or unique ID, as the model lists it. */
    public static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9/@._;:+-]{1,100}");

    /** An extension or number to dial. */
    public static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#+_-]{1,40}");

    /** An extension an attended transfer dials: keypad digits only, since Asterisk sends them as DTMF. */
    public static final Pattern DTMF_EXTENSION = Pattern.compile("[0-9*#]{1,40}");

    /** A dialplan context, queue or endpoint name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** A server name, the key of {@code ami.servers.<name>} in the REST URLs and the relay's filter: the rule of {@link #NAME}. */
    public static final Pattern SERVER = NAME;

    /**
     * A ConfBridge conference room, a path segment of the conference URLs: the rule of {@link #NAME}, so no
     * {@code /}, {@code ;}, {@code %} or {@code ,} (ConfBridge's argument separator) and nothing a URL must encode.
     */
    public static final Pattern CONFERENCE = NAME;

    /** Whom to originate from: an endpoint ({@code 1001}) or an extension in a context ({@code 100@demo}). */
    public static final Pattern ORIGIN = Pattern.compile("[A-Za-z0-9_-]{1,40}(@[A-Za-z0-9_-]{1,40})?");

    /** A caller ID name. */
    public static final Pattern CALLER_NAME = Pattern.compile("[\\p{L}\\p{N} .,'_-]{0,40}");

    /** A caller ID number. */
    public static final Pattern CALLER_NUMBER = Pattern.compile("[0-9+*#]{0,20}");

    /** A channel variable name. */
    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    /** A channel variable value: printable, no separators Asterisk would split on. */
    public static final Pattern VARIABLE_VALUE = Pattern.compile("[\\p{L}\\p{N} .:@/_+*#=-]{0,200}");

    /**
     * A queue member interface: a technology, a resource, for {@code Local} an {@code @context} (group 2) and
     * options, e.g. {@code PJSIP/1001}, {@code SIP/x} or {@code Local/100@test/n}; never a comma, semicolon or
     * space, which Asterisk would split dial strings on.
     */
    public static final Pattern INTERFACE = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,15})/[A-Za-z0-9_.:+-]{1,60}"
            + "(?:@([A-Za-z0-9_-]{1,40}))?(?:/[A-Za-z]{1,8})?");

    /** A parking space: the extension of one, e.g. {@code 701} (res_parking.conf's {@code parkpos} is a range of numbers). */
    public static final Pattern PARKING_SPACE = Pattern.compile("[0-9]{1,10}");

    /** A pause reason. */
    public static final Pattern REASON = Pattern.compile("[\\p{L}\\p{N} ._-]{0,40}");

    /** A queue member's display name: the rule of {@link #REASON}. */
    public static final Pattern MEMBER_NAME = REASON;

    private Fields() {
    }

    /**
     * {@return the value, checked}
     *
     * @param field the field's name, for the error
     * @param value the field's value from the request
     * @param pattern what the whole value must match
     * @throws InvalidFieldException (a 400) naming the field if the value is null, empty, contains CR, LF or NUL (named
     *     as such), or does not match
     */
    public static String require(String field, String value, Pattern pattern) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        return check(field, value, pattern);
    }

    /**
     * {@return the value, checked, or {@code null} if absent}
     *
     * @param field the field's name, for the error
     * @param value the field's value from the request, or {@code null}
     * @param pattern what the whole value must match when present
     * @throws InvalidFieldException (a 400) naming the field if the value contains CR, LF or NUL, or does not match
     */
    public static String optional(String field, String value, Pattern pattern) {
        return value == null ? null : check(field, value, pattern);
    }

    private static String check(String field, String value, Pattern pattern) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new InvalidFieldException(field, "must not contain CR, LF or NUL");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidFieldException(field, "does not match " + pattern.pattern());
        }
        return value;
    }
}
