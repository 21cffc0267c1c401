package io.vpcportal.identity.internal;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The identity provider vouched for the user, but the portal will not sign them in. Its message is written for the
 * user and shown on the login page as it is.
 */
public class OidcLoginRefused extends OAuth2AuthenticationException {

    public static final String ERROR_CODE = "portal_login_refused";

    OidcLoginRefused(String message) {
        super(new OAuth2Error(ERROR_CODE, message, null), message);
    }
}
