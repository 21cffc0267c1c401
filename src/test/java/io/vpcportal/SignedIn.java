package io.vpcportal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The signed-in user of a {@code @WebMvcTest} slice: "ada" of team platform, with the roles a test gives her. */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(Role... roles) {
        PortalPrincipal ada = new PortalPrincipal(new UserId(UUID.randomUUID()), "ada", "Ada", Set.of(roles),
                Set.of(new TeamId("platform")), true, null);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(ada, null, ada.getAuthorities()));
    }
}
