package io.vpcportal.platform.web;

import io.vpcportal.platform.TextRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every query string is read once before anything else reads it: an undecodable percent-escape ({@code %zz}, a lone
 * {@code %}) or a control character in any parameter (a NUL in a filter, which an enum or id conversion would
 * otherwise take for "absent") answers 400: problem details under /api, the error page elsewhere. Form fields in
 * a post body are not judged here: the binder puts their messages beside the fields.
 */
@Configuration(proxyBeanMethods = false)
class QueryStrings {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryStringFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Check());
        registration.setName("queryStrings");
        // before the security filters, which read parameters too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** A refused query string: the message, and the parameter it names (null when the encoding is broken). */
    record Refusal(String field, String message) {
    }

    static final class Check extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<Refusal> problem = problem(request.getQueryString());
            if (problem.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            String uri = request.getRequestURI();
            if (uri.startsWith("/api/")) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Refusal refusal = problem.get();
                response.getWriter().write("{\"type\":\"" + ApiProblemHandler.VALIDATION + "\",\"title\":\"Invalid input\","
                        + "\"status\":400,\"detail\":" + jsonString(refusal.message())
                        + (refusal.field() == null ? "" : ",\"errors\":[{\"field\":" + jsonString(refusal.field())
                                + ",\"message\":" + jsonString(TextRules.CONTROL_CHARACTERS) + "}]")
                        + "}");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, problem.get().message());
            }
        }
    }

    /** What is wrong with a raw query string, if anything. */
    static Optional<Refusal> problem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Refusal(null, "The query string is not validly percent-encoded"));
            }
            if (TextRules.containsControl(name) || TextRules.containsControl(value)) {
                boolean badName = TextRules.containsControl(name);
                return Optional.of(new Refusal(badName ? "(parameter name)" : name, "The query string is invalid: "
                        + (badName ? "a parameter name" : "parameter '" + name + "'") + " "
                        + TextRules.CONTROL_CHARACTERS));
            }
        }
        return Optional.empty();
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
