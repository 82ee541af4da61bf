package io.amiboot.dashboard.api;

import io.amiboot.client.AmiActionException;
import io.amiboot.client.AmiConnectionException;
import io.amiboot.client.AmiTimeoutException;
import io.amiboot.dashboard.validation.InvalidFieldException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's failures into RFC 9457 problem details. */
@RestControllerAdvice
public class ProblemHandler {

    private static final String TYPES = "https://amiboot.io/problems/";

    /** The handler Spring finds by component scanning; it has no state. */
    public ProblemHandler() {
    }

    /**
     * 400 naming the invalid field.
     *
     * @param invalid the failed check, naming the field
     * @return the problem, with the field in its {@code field} property
     */
    @ExceptionHandler
    public ProblemDetail invalidField(InvalidFieldException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", invalid.getMessage());
        problem.setProperty("field", invalid.field());
        return problem;
    }

    /**
     * 404.
     *
     * @param missing what was not found
     * @return the problem
     */
    @ExceptionHandler
    public ProblemDetail notFound(NotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
    }

    /**
     * 502: Asterisk answered the action with an error.
     *
     * @param refused Asterisk's error response
     * @return the problem, with Asterisk's message as its detail
     */
    @ExceptionHandler
    public ProblemDetail refused(AmiActionException refused) {
        return problem(HttpStatus.BAD_GATEWAY, "asterisk-refused", "Asterisk refused the action", refused.getMessage());
    }

    /**
     * 503: not connected to Asterisk.
     *
     * @param down why the action could not be sent
     * @return the problem
     */
    @ExceptionHandler
    public ProblemDetail notConnected(AmiConnectionException down) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "asterisk-unavailable", "Asterisk is not connected", down.getMessage());
    }

    /**
     * 504: Asterisk did not answer in time.
     *
     * @param late the action that was not answered in time
     * @return the problem
     */
    @ExceptionHandler
    public ProblemDetail timedOut(AmiTimeoutException late) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "asterisk-timeout", "Asterisk did not answer in time", late.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
