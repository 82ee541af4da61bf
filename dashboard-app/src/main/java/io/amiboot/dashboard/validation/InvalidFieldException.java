package io.amiboot.dashboard.validation;

/** A request field failed validation; nothing was sent to Asterisk. */
public final class InvalidFieldException extends RuntimeException {

    private final String field;

    /** The field and what is wrong with it. */
    public InvalidFieldException(String field, String problem) {
        super("Field '" + field + "' " + problem);
        this.field = field;
    }

    /** The name of the invalid field. */
    public String field() {
        return field;
    }
}
