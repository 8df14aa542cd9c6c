package org.gridatlas.api;

import java.net.URI;
import org.gridatlas.ingest.ImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the exceptions of user input into RFC 9457 problem+json answers that name the parameter, or the row and
 * column of an imported file. A 500 from user input is a bug: every such path ends here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://gridatlas.org/problems/";

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Invalid parameter", e.getMessage(), e.parameter());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), e.parameter());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), e.parameter());
        e.details().forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role", e.getMessage(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String type =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return problem(
                HttpStatus.BAD_REQUEST,
                "bad-parameter",
                "Invalid parameter",
                "'" + e.getValue() + "' is not a valid " + type + " for parameter '" + e.getName() + "'",
                e.getName());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail p =
                problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected", "File rejected", e.getMessage(), "file");
        p.setProperty("errors", e.firstProblems());
        if (e.jobId() != null) p.setProperty("importId", e.jobId());
        return p;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // Should have been caught by validation first; never leak SQL, but do not answer 500 either.
        log.warn(
                "integrity violation reached the handler: {}",
                e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflicts with stored data",
                "The request conflicts with data already stored (a constraint of the data model).",
                null);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return missing("Parameter", ex.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing("Part", ex.getRequestPartName());
    }

    private static ResponseEntity<Object> missing(String what, String name) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "bad-parameter",
                        "Missing parameter",
                        what + " '" + name + "' is required",
                        name));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String parameter) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        if (parameter != null) p.setProperty("parameter", parameter);
        return p;
    }
}
