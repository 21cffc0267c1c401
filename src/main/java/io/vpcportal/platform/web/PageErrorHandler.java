package io.vpcportal.platform.web;

import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.UnprocessableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Pages answer an unknown id, and an id in the path that cannot be one ({@code /requests/not-a-uuid}), with a 404
 * page rather than a server error, and a post no form produces (a list index
 * far beyond the form's rows, a file form posted without its file, a parameter that cannot be converted) with a 400
 * page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException e, HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST, e.violations().stream()
                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UnprocessableException.class)
    Object unprocessable(UnprocessableException e, HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(InvalidPropertyException.class)
    Object badProperty(InvalidPropertyException e, HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST,
                "Field '" + e.getPropertyName() + "' is not part of this form");
    }

    @ExceptionHandler(InvalidParameterException.class)
    Object undecodableParameter(HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST,
                "A parameter is not validly percent-encoded UTF-8");
    }

    @ExceptionHandler(MultipartException.class)
    Object notMultipart(HttpServletRequest request) {
        return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST, "This form must be posted as multipart/form-data");
    }

    /** An id in the page's path that cannot be an id names nothing: the page does not exist (404), as for an unknown id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return ErrorAnswers.answer(request, HttpStatus.NOT_FOUND, "No such page: '" + e.getName()
                    + "' in its address is not a valid id");
        }
        return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' " + ApiProblemHandler.mismatchMessage(e));
    }
}
