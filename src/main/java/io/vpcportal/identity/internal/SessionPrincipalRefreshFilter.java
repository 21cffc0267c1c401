package io.vpcportal.identity.internal;

import io.vpcportal.identity.PortalPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a browser session follow its user's account. On every request of a signed-in session it reads the account's
 * stamp (one primary-key read) and compares it with the versions the session's principal was read at: a disabled or
 * deleted account, or a changed password, ends the session at once (the request goes on as anonymous, so a page
 * asks for sign-in and a form post is refused); changed roles, teams or name reload the principal, so that they
 * apply to this very request. The sessions live in the database, so this holds on every instance.
 */
class SessionPrincipalRefreshFilter extends OncePerRequestFilter {

    private final PortalUserRepository users;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionPrincipalRefreshFilter(PortalUserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = request.getSession(false) == null ? null
                : holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            Optional<AccountStamp> stamp = users.findStampById(principal.id().value());
            if (stamp.isEmpty() || !stamp.get().enabled()
                    || stamp.get().credentialsVersion() != principal.credentialsVersion()) {
                end(request);
            } else if (stamp.get().accessVersion() != principal.accessVersion()) {
                refresh(authentication, principal, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
    }

    private void refresh(Authentication old, PortalPrincipal principal, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<PortalUser> user = users.findById(principal.id().value());
        if (user.isEmpty() || !user.get().enabled()) {
            end(request);
            return;
        }
        AbstractAuthenticationToken renewed;
        if (old instanceof OAuth2AuthenticationToken oidc && principal instanceof OidcPortalPrincipal signedIn) {
            OidcPortalPrincipal reloaded = new OidcPortalPrincipal(user.get(), signedIn);
            renewed = new OAuth2AuthenticationToken(reloaded, reloaded.getAuthorities(),
                    oidc.getAuthorizedClientRegistrationId());
        } else {
            PortalPrincipal reloaded = user.get().toPrincipal();
            reloaded.eraseCredentials();
            renewed = UsernamePasswordAuthenticationToken.authenticated(reloaded, null, reloaded.getAuthorities());
        }
        renewed.setDetails(old.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(renewed);
        holder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
