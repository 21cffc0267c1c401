package io.vpcportal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body sent to the API must say what it is: a wildcard {@code Content-Type} ({@code *}{@code /*},
 * {@code application/*}) names no format, so it gets 415 problem details before any converter guesses.
 */
@Configuration(proxyBeanMethods = false)
class WildcardContentTypes {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> wildcardContentTypeFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Refusal());
        registration.addUrlPatterns("/api/*");
        registration.setName("wildcardContentTypes");
        return registration;
    }

    static final class Refusal extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            if (type != null && isWildcard(type)) {
                response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\","
                        + "\"status\":415,\"detail\":\"Send the body as application/json\"}");
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean isWildcard(String type) {
            try {
                MediaType media = MediaType.parseMediaType(type);
                return media.isWildcardType() || media.isWildcardSubtype();
            } catch (InvalidMediaTypeException e) {
                return false; // the converters answer 415 for a type they cannot parse
            }
        }
    }
}
