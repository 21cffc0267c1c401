package io.vpcportal.identity.internal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns an OpenID Connect sign-in into a portal user: Spring Security's {@link OidcUserService} validates the ID
 * token and fetches the user info, then the claims are mapped and the user provisioned.
 */
@Component
class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OidcPrincipalMapper mapper;
    private final OidcUserProvisioning provisioning;

    PortalOidcUserService(OidcProperties properties, OidcUserProvisioning provisioning) {
        this.mapper = new OidcPrincipalMapper(properties);
        this.provisioning = provisioning;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        OidcIdentity identity = mapper.map(signedIn);
        try {
            return new OidcPortalPrincipal(provisioning.provision(identity), signedIn);
        } catch (DataIntegrityViolationException e) {
            // two first sign-ins of the same user (or two users of a new team) raced; the next attempt finds the rows
            throw new OidcLoginRefused("Your account was being set up by another sign-in at the same moment. "
                    + "Please sign in again.");
        }
    }
}
