package io.vpcportal.platform.web;

import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.UnprocessableException;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Renders every error of the JSON API as RFC 9457 problem details. Field-level problems carry an
 * {@code errors} array of {@code {field, message}} using the payload's own property paths.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    static final URI VALIDATION = URI.create("https://vpcportal.io/problems/validation");
    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldViolation(e.getField(), e.getDefaultMessage()))
                .toList();
        List<FieldViolation> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new FieldViolation(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(concat(violations, global)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = pathOf(json);
            String message = json.getClass().getSimpleName().equals("UnrecognizedPropertyException")
                    ? "is not a known property"
                    : TextRules.CONTROL_CHARACTERS.equals(json.getOriginalMessage()) ? TextRules.CONTROL_CHARACTERS
                    : json.getOriginalMessage() != null && json.getOriginalMessage().contains("has an exponent beyond")
                    ? "is too large or too precise" : "has the wrong type or format";
            problem.setType(VALIDATION);
            problem.setDetail("Property '" + field + "' " + message);
            problem.setProperty("errors", List.of(new FieldViolation(field, message)));
        } else if (ex.getCause() instanceof StreamConstraintsException) {
            problem.setDetail("The body holds a number, string or nesting beyond the portal's limits");
        } else {
            problem.setDetail("The body is not valid JSON for this operation");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(validationProblem(
                List.of(new FieldViolation(ex.getName(), mismatchMessage(ex)))));
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<ProblemDetail> badProperty(InvalidPropertyException ex) {
        return ResponseEntity.badRequest().body(validationProblem(
                List.of(new FieldViolation(ex.getPropertyName(), "is not a property of this operation"))));
    }

    /** Tomcat decodes query parameters lazily; an undecodable percent-escape surfaces when a handler reads one. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter() {
        return problem(HttpStatus.BAD_REQUEST, "Malformed query string",
                "A parameter is not validly percent-encoded UTF-8");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart() {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "This operation takes multipart/form-data");
    }

    /** The rule a refused parameter broke, when the binder said which (control characters, a plain number). */
    static String mismatchMessage(TypeMismatchException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && (TextRules.CONTROL_CHARACTERS.equals(cause.getMessage())
                    || InputBounds.DECIMAL_FORMAT.equals(cause.getMessage()))) {
                return cause.getMessage();
            }
        }
        return "has the wrong type or format";
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
        return ResponseEntity.badRequest().body(validationProblem(ex.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict with the current state", ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict with a concurrent change",
                "Somebody changed this at the same time; read it again and retry if it still applies");
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException ex) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", ex.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error in the API", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The portal could not complete this operation; the error is logged.");
    }

    static ProblemDetail validationProblem(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(VALIDATION);
        problem.setTitle("Invalid input");
        problem.setDetail(violations.size() == 1
                ? "Field '" + violations.get(0).field() + "' " + violations.get(0).message()
                : violations.size() + " fields are invalid");
        problem.setProperty("errors", violations);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    private static String pathOf(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
