package io.vpcportal.identity.web;

import io.vpcportal.identity.IdentityProperties;
import io.vpcportal.identity.internal.OidcLoginRefused;
import io.vpcportal.platform.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page: the password form, a "Sign in with …" button per OpenID Connect provider, or both. */
@PageController
class LoginController {

    private final boolean demo;
    private final boolean formLogin;
    private final List<SignInOption> providers;

    LoginController(Environment environment, IdentityProperties identity,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.formLogin = identity.formLogin();
        this.providers = signInOptions(registrations.getIfAvailable());
    }

    /** One button: the provider's name and where it starts. */
    record SignInOption(String name, String path) {
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "sso-error", required = false) String ssoError, HttpServletRequest request,
            Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("formLogin", formLogin);
        model.addAttribute("providers", providers);
        if (ssoError != null) {
            model.addAttribute("ssoError", ssoErrorMessage(request.getSession(false)));
        }
        return "identity/login";
    }

    /** Our own refusals explain themselves; a provider's error is named but not repeated, as it is not ours to word. */
    private static String ssoErrorMessage(HttpSession session) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        if (failure instanceof OidcLoginRefused refused) {
            return refused.getError().getDescription();
        }
        String code = failure instanceof OAuth2AuthenticationException e ? " (" + e.getError().getErrorCode() + ")" : "";
        return "Single sign-on did not complete" + code + ". Please try again; if it keeps failing, ask an administrator.";
    }

    private static List<SignInOption> signInOptions(ClientRegistrationRepository registrations) {
        List<SignInOption> options = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
                    options.add(new SignInOption(name(registration),
                            "/oauth2/authorization/" + registration.getRegistrationId()));
                }
            }
        }
        options.sort(Comparator.comparing(SignInOption::name));
        return List.copyOf(options);
    }

    /** Without a client-name, Spring Security names the registration after its issuer URI: no name for a button. */
    private static String name(ClientRegistration registration) {
        String name = registration.getClientName();
        return name == null || name.isBlank() || name.equals(registration.getProviderDetails().getIssuerUri())
                ? registration.getRegistrationId() : name;
    }
}
