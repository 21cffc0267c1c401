package io.vpcportal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/** One error, answered the way the caller reads it: problem details under /api, the error page for a browser. */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static Object answer(HttpServletRequest request, String path, HttpStatus status, String detail) {
        if (wantsProblem(request, path)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(status.getReasonPhrase());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        return page;
    }

    static Object answer(HttpServletRequest request, HttpStatus status, String detail) {
        return answer(request, request.getRequestURI(), status, detail);
    }

    private static boolean wantsProblem(HttpServletRequest request, String path) {
        if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }
}
