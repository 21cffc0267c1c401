package io.vpcportal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container shows for an error that no controller answered (a request the firewall or Tomcat
 * refused, such as an undecodable percent-escape, a 401 from the security filters): problem details under /api,
 * the portal's error page elsewhere. Opened directly, {@code /error} is a page that does not exist, not a 500.
 */
@PageController
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer value)) {
            return ErrorAnswers.answer(request, HttpStatus.NOT_FOUND, "No such resource: /error");
        }
        HttpStatus status = HttpStatus.resolve(value);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // only the portal's own sendError messages are shown (the query-string check); others may echo input
        String detail = status == HttpStatus.BAD_REQUEST && message instanceof String text
                && text.startsWith("The query string is") ? text : detail(status);
        return ErrorAnswers.answer(request, path, status, detail);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: check its parameters and their encoding";
            case UNAUTHORIZED -> "Sign in, or send a valid API token";
            case FORBIDDEN -> "Your roles do not allow this";
            case NOT_FOUND -> "No such resource";
            default -> status.is5xxServerError() ? "The portal could not complete this operation; the error is logged."
                    : status.getReasonPhrase();
        };
    }
}
