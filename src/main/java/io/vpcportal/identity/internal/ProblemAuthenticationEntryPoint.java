package io.vpcportal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as RFC 9457 problem details, like every other API error. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;
    private final String badCredentialsDetail;

    /** For bearer tokens: the detail is the cause, such as an expired token. */
    ProblemAuthenticationEntryPoint() {
        this("Bearer realm=\"vpc-endpoint-portal\"", null);
    }

    /** For another scheme, with what to tell a client whose credentials were refused. */
    ProblemAuthenticationEntryPoint(String challenge, String badCredentialsDetail) {
        this.challenge = challenge;
        this.badCredentialsDetail = badCredentialsDetail;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        String detail;
        if (ex.getMessage() == null || ex instanceof InsufficientAuthenticationException) {
            detail = "Send 'Authorization: Bearer <token>'; create a token under API tokens or with POST /api/v1/tokens";
        } else if (ex instanceof BadCredentialsException && badCredentialsDetail != null) {
            detail = badCredentialsDetail;
        } else {
            detail = ex.getMessage();
        }
        write(response, 401, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(response, 403, "Forbidden", "Your roles do not allow this operation");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
