package io.vpcportal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller (an unknown path, a method the path does not take). Under /api they get
 * problem details like every other API error; elsewhere the error page.
 */
@ControllerAdvice
class UnmatchedApiRequests {

    // NoHandlerFoundException: a path no controller and no static-file handler maps (static files have their own
    // paths, StaticResources); NoResourceFoundException: a path under one of those that names no file
    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "No such resource: " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported here"
                + (ex.getSupportedHttpMethods() == null ? "" : "; use " + ex.getSupportedHttpMethods()));
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String detail) {
        return ErrorAnswers.answer(request, status, detail);
    }
}
