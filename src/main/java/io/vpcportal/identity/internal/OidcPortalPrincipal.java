package io.vpcportal.identity.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through single sign-on. Spring Security's OAuth2 login needs an {@link OidcUser}; the rest of
 * the portal needs a {@link PortalPrincipal}: this is both, with roles and teams from the portal's database.
 */
final class OidcPortalPrincipal extends PortalPrincipal implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    OidcPortalPrincipal(PortalUser user, OidcUser signedIn) {
        super(new UserId(user.id()), user.username(), user.displayName(), user.roles(),
                user.teams().stream().map(TeamId::new).collect(Collectors.toSet()), user.enabled(), null,
                user.accessVersion(), user.credentialsVersion());
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(signedIn.getClaims()));
    }

    /** The portal username, so that {@code Authentication.getName()} is the same whichever way the user came in. */
    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }
}
