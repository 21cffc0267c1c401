package io.vpcportal.identity.internal;

import io.vpcportal.identity.IdentityManagement;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for the login form and HTTP Basic. A user without a password (one who signs in through single
 * sign-on) is treated like an unknown one: the answer and its timing are those of a wrong password.
 */
@Component
class PortalUserDetailsService implements UserDetailsService {

    private final IdentityManagement identity;

    PortalUserDetailsService(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return identity.loadPrincipal(username)
                .filter(user -> user.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user or no password"));
    }
}
