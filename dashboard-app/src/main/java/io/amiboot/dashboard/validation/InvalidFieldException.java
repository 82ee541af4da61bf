package io.amiboot.dashboard.validation;

/** A request field failed validation; nothing was sent to Asterisk. */
public final class InvalidFieldException extends RuntimeException {

    /** The request field that failed, as the API names it ({@code to}, {@code variables.FOO}). */
    private final String field;

    /**
     * The field and what is wrong with it; the message reads {@code Field '<field>' <problem>}.
     *
     * @param field the request field, as the API names it ({@code to}, {@code variables.FOO})
     * @param problem what is wrong, as a predicate ({@code is required})
     */
    public InvalidFieldException(String field, String problem) {
        super("Field '" + field + "' " + problem);
        this.field = field;
    }

    /** {@return the name of the invalid field, also the problem's {@code field} property} */
    public String field() {
        return field;
    }
}
