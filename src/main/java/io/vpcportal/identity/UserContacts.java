package io.vpcportal.identity;

import io.vpcportal.identity.internal.PortalUser;
import io.vpcportal.identity.internal.PortalUserRepository;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' e-mail addresses: who can be reached, and changing an address (by an admin or by the user), audited as a
 * {@link UserAdministered} change. Single sign-on users' addresses are refreshed from their provider at sign-in.
 */
@Service
@Transactional(readOnly = true)
public class UserContacts {

    /** One address, as RFC 5321 limits it: a local part, one {@code @}, a domain with a dot; no spaces or brackets. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    static final int MAX_LENGTH = 254;

    private final PortalUserRepository users;
    private final ApplicationEventPublisher events;

    UserContacts(PortalUserRepository users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    public Optional<Contact> byUsername(String username) {
        return users.findByUsername(username).map(UserContacts::contact);
    }

    public Optional<Contact> byId(UserId id) {
        return users.findById(id.value()).map(UserContacts::contact);
    }

    /** Enabled users with the APPROVER role in {@code team}, by username. */
    public List<Contact> approversOf(TeamId team) {
        return users.findApproversOf(team.value()).stream().map(UserContacts::contact)
                .sorted(Comparator.comparing(Contact::username)).toList();
    }

    /**
     * Sets or (with an empty value) removes the user's address. A malformed address is refused naming the field
     * {@code email}; a change is audited with the address before and after.
     */
    @Transactional
    public Contact changeEmail(UserId id, String email) {
        PortalUser user = users.findById(id.value()).orElseThrow(() -> new NotFoundException("No user " + id));
        String address = normalized(email);
        if (!Objects.equals(address, user.email())) {
            Map<String, Object> before = new TreeMap<>();
            before.put("email", user.email());
            Map<String, Object> after = new TreeMap<>();
            after.put("email", address);
            user.changeEmail(address);
            events.publishEvent(new UserAdministered(actor(), UserAdministered.Change.USER_CHANGED, user.username(),
                    before, after));
        }
        return contact(user);
    }

    /** The address as stored ({@code null} for none), or the reason it is refused. */
    public static String normalized(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (address.length() > MAX_LENGTH || TextRules.containsControl(address) || !ADDRESS.matcher(address).matches()
                || address.contains("..")) {
            throw new InvalidInputException("email", "must be an e-mail address such as name@example.com "
                    + "(at most " + MAX_LENGTH + " characters), or empty for none");
        }
        int at = address.indexOf('@');
        return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static Contact contact(PortalUser user) {
        return new Contact(new UserId(user.id()), user.username(), user.displayName(), user.email());
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "portal" : authentication.getName();
    }
}
