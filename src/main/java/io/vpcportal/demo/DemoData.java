package io.vpcportal.demo;

import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once: it is skipped when the demo requester already exists, so restarts keep whatever was
 * done in the demo since. Runs before the first-administrator check, which then finds the demo admin.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String SANDBOX = "111111111111";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityManagement identity;
    private final AccountManagement accounts;

    DemoData(IdentityManagement identity, AccountManagement accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.findUserByUsername("requester").isPresent()) {
            return;
        }
        TeamId payments = identity.ensureTeam(new TeamId("payments"), "Payments").id();
        TeamId network = identity.ensureTeam(new TeamId("network"), "Network").id();
        TeamId security = identity.ensureTeam(new TeamId("security"), "Security").id();
        TeamId platform = identity.ensureTeam(new TeamId("platform"), "Platform").id();
        identity.createUser("requester", "Riley Requester", PASSWORD, Set.of(Role.REQUESTER), Set.of(payments));
        identity.createUser("net-approver", "Noor Network", PASSWORD, Set.of(Role.APPROVER, Role.REQUESTER), Set.of(network));
        identity.createUser("sec-approver", "Sam Security", PASSWORD, Set.of(Role.APPROVER), Set.of(security));
        if (identity.findUserByUsername("admin").isEmpty()) {
            identity.createUser("admin", "Ada Admin", PASSWORD, Set.of(Role.ADMIN, Role.APPROVER, Role.REQUESTER),
                    Set.of(platform));
        }
        if (accounts.find(SANDBOX).isEmpty()) {
            accounts.register(SANDBOX, new AccountChange("sandbox",
                    "arn:aws:iam::" + SANDBOX + ":role/vpc-endpoint-portal", "demo-external-id",
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of("us-east-1", "eu-west-1", "eu-west-3")),
                    new TreeSet<>(Set.of(payments.value())), "o-exampleorgid",
                    new TreeSet<>(Set.of("arn:aws:iam::" + SANDBOX + ":role/BreakGlassAdmin"))), "demo");
        }
        log.info("Demo data seeded: users requester, net-approver, sec-approver, admin (password '{}')", PASSWORD);
    }
}
