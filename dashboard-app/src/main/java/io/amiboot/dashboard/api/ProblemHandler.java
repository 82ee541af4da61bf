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
     * {@return a 400 problem naming the invalid field, also in its {@code field} property}
     *
     * @param invalid the failed check
     */
    @ExceptionHandler
    public ProblemDetail invalidField(InvalidFieldException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", invalid.getMessage());
        problem.setProperty("field", invalid.field());
        return problem;
    }

    /**
     * {@return a 404 problem saying what was not found}
     *
     * @param missing what was not found
     */
    @ExceptionHandler
    public ProblemDetail notFound(NotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
    }

    /**
     * {@return a 400 problem: a URL without a server while there are several; the detail names them}
     *
     * @param ambiguous the refusal, naming the servers and the server-scoped URL
     */
    @ExceptionHandler
    public ProblemDetail serverRequired(ServerRequiredException ambiguous) {
        return problem(HttpStatus.BAD_REQUEST, "server-required", "Name the Asterisk server", ambiguous.getMessage());
    }

    /**
     * {@return a 502 problem: Asterisk answered the action with an error, its message the detail}
     *
     * @param refused Asterisk's error response
     */
    @ExceptionHandler
    public ProblemDetail refused(AmiActionException refused) {
        return problem(HttpStatus.BAD_GATEWAY, "asterisk-refused", "Asterisk refused the action", refused.getMessage());
    }

    /**
     * {@return a 503 problem: not connected to Asterisk}
     *
     * @param down why the action could not be sent
     */
    @ExceptionHandler
    public ProblemDetail notConnected(AmiConnectionException down) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "asterisk-unavailable", "Asterisk is not connected", down.getMessage());
    }

    /**
     * {@return a 504 problem: Asterisk did not answer in time}
     *
     * @param late the action that was not answered in time
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
