package io.vpcportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the login form, or HTTP Basic on token creation) for a username and address that used up their
 * attempts: the form goes back to the login page with {@code ?locked}, the API answers 429 with Retry-After.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            String address = request.getRemoteAddr();
            if ("/login".equals(request.getServletPath())) {
                String username = request.getParameter("username");
                if (username != null && throttle.isLocked(username, address)) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return;
                }
            } else {
                String username = basicUsername(request.getHeader("Authorization"));
                if (username != null && throttle.isLocked(username, address)) {
                    long seconds = throttle.secondsLeft(username, address);
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(seconds));
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                            + "\"detail\":\"Too many wrong passwords for this user from your address; try again in "
                            + seconds + " seconds\"}");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
