package io.vpcportal.account;

import io.vpcportal.account.internal.AwsAccount;
import io.vpcportal.account.internal.AwsAccountRepository;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What AWS Organizations discovery may do to accounts: register the ones it finds, refresh the name, tags and teams
 * of the ones it registered, and deactivate or reactivate them. Accounts registered by hand are refused here, so
 * discovery can never change them. Every change is an {@link AccountChanged} event (and so an audit row).
 */
@Service
@Transactional(readOnly = true)
public class DiscoveredAccounts {

    private final AwsAccountRepository accounts;
    private final AccountManagement management;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DiscoveredAccounts(AwsAccountRepository accounts, AccountManagement management, Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.management = management;
        this.clock = clock;
        this.events = events;
    }

    /** Every account registered, by hand or not, by id: discovery needs to know which ids are taken. */
    public Map<String, AccountDetails> byId() {
        Map<String, AccountDetails> all = new HashMap<>();
        accounts.findAll().forEach(a -> all.put(a.id(), AccountManagement.details(a)));
        return all;
    }

    @Transactional
    public AccountDetails register(String accountId, AccountChange change, Map<String, String> tags, String by) {
        List<FieldViolation> violations = new ArrayList<>();
        management.validate(accountId, change, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (accounts.existsById(accountId)) {
            throw new ConflictException("Account " + accountId + " is already registered");
        }
        AwsAccount account = AwsAccount.discovered(accountId, clock.instant());
        management.apply(account, change);
        account.updateTags(tags, clock.instant());
        AccountDetails created = AccountManagement.details(accounts.save(account));
        events.publishEvent(new AccountChanged(accountId, by, null, created));
        return created;
    }

    /** Takes the name, tags and teams AWS Organizations gives now, and reactivates the account if it was inactive. */
    @Transactional
    public AccountDetails refresh(String accountId, String name, Map<String, String> tags, SortedSet<String> teams,
            String by) {
        AwsAccount account = discovered(accountId);
        AccountDetails before = AccountManagement.details(account);
        AccountChange change = new AccountChange(name, before.roleArn(), before.externalId(), before.environment(),
                before.regions(), teams, before.organizationId(), before.breakGlassPrincipalArns());
        List<FieldViolation> violations = new ArrayList<>();
        management.validate(accountId, change, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        management.apply(account, change);
        if (tags != null) {
            account.updateTags(tags, clock.instant());
        }
        if (!account.active()) {
            account.reactivate(clock.instant());
        }
        AccountDetails after = AccountManagement.details(account);
        events.publishEvent(new AccountChanged(accountId, by, before, after));
        return after;
    }

    @Transactional
    public AccountDetails deactivate(String accountId, String reason, String by) {
        AwsAccount account = discovered(accountId);
        AccountDetails before = AccountManagement.details(account);
        account.deactivate(reason, clock.instant());
        AccountDetails after = AccountManagement.details(account);
        events.publishEvent(new AccountChanged(accountId, by, before, after));
        return after;
    }

    private AwsAccount discovered(String accountId) {
        AwsAccount account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No account " + accountId));
        if (account.source() != AccountSource.ORGANIZATION) {
            throw new ConflictException("Account " + accountId + " was registered by hand: discovery leaves it alone");
        }
        return account;
    }
}
