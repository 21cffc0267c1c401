package io.vpcportal.account;

import io.vpcportal.account.internal.AwsAccount;
import io.vpcportal.account.internal.AwsAccountRepository;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.cache.ReferenceVersions;
import io.vpcportal.platform.cache.VersionedCache;
import io.vpcportal.shared.AwsAccountId;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and edits AWS accounts, and answers which team may use which account and region. */
@Service
@Transactional(readOnly = true)
public class AccountManagement {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern BREAK_GLASS_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]{1,512}");
    static final int MAX_BREAK_GLASS = 20;
    public static final int MAX_SEARCH = 200;

    private final AwsAccountRepository accounts;
    private final IdentityManagement identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Accounts by id; any change to an account or its teams, on any instance, moves the account version. */
    private final VersionedCache<String, AccountDetails> byId;

    AccountManagement(AwsAccountRepository accounts, IdentityManagement identity, Clock clock,
            ApplicationEventPublisher events, ReferenceVersions versions) {
        this.accounts = accounts;
        this.identity = identity;
        this.clock = clock;
        this.events = events;
        this.byId = new VersionedCache<>("account", versions, 20_000);
    }

    public List<AccountDetails> all() {
        return accounts.findAllByOrderByIdAsc().stream().map(AccountManagement::details).toList();
    }

    /** The accounts syncs and collections should visit: inactive ones keep their history but are left alone. */
    public List<AccountDetails> active() {
        return accounts.findByActiveTrueOrderByIdAsc().stream().map(AccountManagement::details).toList();
    }

    /** Active accounts the teams may choose for a new request (inactive ones are kept out of forms). */
    public List<AccountDetails> activeUsableBy(Collection<TeamId> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return accounts.findActiveUsableBy(teams.stream().map(TeamId::value).toList()).stream()
                .map(AccountManagement::details).toList();
    }

    /**
     * Up to {@code limit} active accounts whose id starts with, or whose name contains, {@code text}: the account
     * pickers' search. {@code teams} null means every account (admins).
     */
    public List<AccountDetails> search(String text, int limit, Collection<TeamId> teams) {
        if (limit < 1 || limit > MAX_SEARCH) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_SEARCH);
        }
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        String plain = text == null ? "" : text.strip().replaceAll("[%_\\\\]", "");
        if (plain.length() > 100) {
            throw new InvalidInputException("q", "must be at most 100 characters");
        }
        List<String> teamIds = teams == null ? List.of("-") : teams.stream().map(TeamId::value).toList();
        return accounts.search(plain, teams == null, teamIds, Limit.of(limit)).stream()
                .map(AccountManagement::details).toList();
    }

    public List<AccountDetails> usableBy(Collection<TeamId> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return accounts.findUsableBy(teams.stream().map(TeamId::value).toList()).stream()
                .map(AccountManagement::details).toList();
    }

    /** The account as committed when this is called. */
    public Optional<AccountDetails> find(String accountId) {
        return AwsAccountId.isValid(accountId)
                ? byId.get(accountId, id -> accounts.findById(id).map(AccountManagement::details))
                : Optional.empty();
    }

    @Transactional
    public AccountDetails register(String accountId, AccountChange change, String by) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!AwsAccountId.isValid(accountId)) {
            violations.add(new FieldViolation("id", "must be exactly 12 digits"));
        }
        validate(accountId, change, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (accounts.existsById(accountId)) {
            throw new ConflictException("Account " + accountId + " is already registered");
        }
        AwsAccount account = new AwsAccount(accountId, clock.instant());
        apply(account, change);
        AccountDetails created = details(accounts.save(account));
        events.publishEvent(new AccountChanged(accountId, by, null, created));
        return created;
    }

    @Transactional
    public AccountDetails update(String accountId, AccountChange change, String by) {
        AwsAccount account = (AwsAccountId.isValid(accountId) ? accounts.findById(accountId) : Optional.<AwsAccount>empty())
                .orElseThrow(() -> new NotFoundException("No account " + accountId));
        List<FieldViolation> violations = new ArrayList<>();
        validate(accountId, change, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        AccountDetails before = details(account);
        apply(account, change);
        AccountDetails after = details(account);
        events.publishEvent(new AccountChanged(accountId, by, before, after));
        return after;
    }

    void apply(AwsAccount account, AccountChange change) {
        account.update(change.name().strip(), blankToNull(change.roleArn()), blankToNull(change.externalId()),
                change.environment(), change.regions(),
                change.teams() == null ? Set.of() : change.teams(), clock.instant());
        account.updatePolicySettings(blankToNull(change.organizationId()),
                change.breakGlassPrincipalArns().stream().map(String::strip).collect(Collectors.toSet()),
                clock.instant());
    }

    void validate(String accountId, AccountChange change, List<FieldViolation> violations) {
        if (change.name() == null || change.name().isBlank() || change.name().length() > 100
                || TextRules.containsNul(change.name())) {
            violations.add(new FieldViolation("name", "must be 1 to 100 characters"));
        }
        if (change.roleArn() != null && !change.roleArn().isBlank()) {
            var matcher = ROLE_ARN.matcher(change.roleArn().strip());
            if (!matcher.matches()) {
                violations.add(new FieldViolation("roleArn", "must be an IAM role ARN such as arn:aws:iam::111111111111:role/vpc-endpoint-portal"));
            } else if (!matcher.group(2).equals(accountId)) {
                violations.add(new FieldViolation("roleArn", "must be a role in account " + accountId));
            }
        }
        if (change.externalId() != null && !change.externalId().isBlank()
                && !EXTERNAL_ID.matcher(change.externalId().strip()).matches()) {
            violations.add(new FieldViolation("externalId", "must be 2 to 1224 letters, digits or +=,.@:/-_"));
        }
        if (change.environment() == null) {
            violations.add(new FieldViolation("environment", "must be PRODUCTION or NON_PRODUCTION"));
        }
        if (change.regions() == null || change.regions().isEmpty()) {
            violations.add(new FieldViolation("regions", "must name at least one region"));
        } else {
            change.regions().stream().filter(r -> !AwsRegion.isKnown(r)).findFirst().ifPresent(r ->
                    violations.add(new FieldViolation("regions", "'" + r + "' is not a known AWS region")));
        }
        if (change.organizationId() != null && !change.organizationId().isBlank()
                && !ORGANIZATION_ID.matcher(change.organizationId().strip()).matches()) {
            violations.add(new FieldViolation("organizationId",
                    "must look like o- followed by 10 to 32 lowercase letters or digits"));
        }
        if (change.breakGlassPrincipalArns().size() > MAX_BREAK_GLASS) {
            violations.add(new FieldViolation("breakGlassPrincipalArns", "must name at most " + MAX_BREAK_GLASS));
        } else {
            change.breakGlassPrincipalArns().stream()
                    .filter(a -> a == null || !BREAK_GLASS_ARN.matcher(a.strip()).matches()).findFirst()
                    .ifPresent(a -> violations.add(new FieldViolation("breakGlassPrincipalArns", "'" + a
                            + "' is not an IAM role or user ARN such as arn:aws:iam::111111111111:role/BreakGlassAdmin")));
        }
        if (change.teams() != null) {
            change.teams().stream().filter(t -> !TeamId.isValid(t) || !identity.teamExists(new TeamId(t)))
                    .findFirst().ifPresent(t -> violations.add(new FieldViolation("teams", "'" + t + "' is not a team")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static AccountDetails details(AwsAccount a) {
        return new AccountDetails(a.id(), a.name(), a.roleArn(), a.externalId(), a.environment(),
                new TreeSet<>(Arrays.asList(a.regions())), new TreeSet<>(a.teams()), a.organizationId(),
                new TreeSet<>(Arrays.asList(a.breakGlassPrincipals())), a.updatedAt(), a.source(), a.active(),
                a.inactiveReason(), a.tags());
    }
}
