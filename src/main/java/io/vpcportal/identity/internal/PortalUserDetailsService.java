package io.vpcportal.identity.internal;

import io.vpcportal.identity.IdentityManagement;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for the login form and HTTP Basic. */
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
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
