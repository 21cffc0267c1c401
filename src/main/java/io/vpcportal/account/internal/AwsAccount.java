package io.vpcportal.account.internal;

import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountSource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "aws_account")
public class AwsAccount {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "role_arn")
    private String roleArn;

    @Column(name = "external_id")
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountEnvironment environment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", nullable = false, columnDefinition = "varchar(20)[]")
    private String[] regions;

    @Column(name = "organization_id")
    private String organizationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "break_glass_principals", nullable = false, columnDefinition = "varchar(2048)[]")
    private String[] breakGlassPrincipals = new String[0];

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "aws_account_team", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "team_id")
    private Set<String> teams = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountSource source = AccountSource.HAND;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "inactive_reason")
    private String inactiveReason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "org_tags", nullable = false, columnDefinition = "varchar(600)[]")
    private String[] orgTags = new String[0];

    @Column(name = "tags_refreshed_at")
    private Instant tagsRefreshedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected AwsAccount() {
    }

    public AwsAccount(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, String roleArn, String externalId, AccountEnvironment environment,
            Set<String> regions, Set<String> teams, Instant now) {
        this.name = name;
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.environment = environment;
        this.regions = regions.stream().sorted().toArray(String[]::new);
        this.teams = new HashSet<>(teams);
        this.updatedAt = now;
    }

    /** What bucket and endpoint policies need to know about the account; the principals are kept sorted. */
    public void updatePolicySettings(String organizationId, Set<String> breakGlassPrincipals, Instant now) {
        this.organizationId = organizationId;
        this.breakGlassPrincipals = breakGlassPrincipals.stream().sorted().toArray(String[]::new);
        this.updatedAt = now;
    }

    /** An account found in AWS Organizations: discovery owns it from now on. */
    public static AwsAccount discovered(String id, Instant now) {
        AwsAccount account = new AwsAccount(id, now);
        account.source = AccountSource.ORGANIZATION;
        return account;
    }

    /** Tags as sorted "key=value" entries, so that the same tags always compare equal. */
    public void updateTags(Map<String, String> tags, Instant now) {
        this.orgTags = tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toArray(String[]::new);
        this.tagsRefreshedAt = now;
    }

    public void deactivate(String reason, Instant now) {
        this.active = false;
        this.inactiveReason = reason;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.active = true;
        this.inactiveReason = null;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public AccountSource source() { return source; }
    public boolean active() { return active; }
    public String inactiveReason() { return inactiveReason; }
    public Instant tagsRefreshedAt() { return tagsRefreshedAt; }

    public SortedMap<String, String> tags() {
        SortedMap<String, String> tags = new TreeMap<>();
        for (String entry : orgTags) {
            int eq = entry.indexOf('=');
            tags.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return tags;
    }

    public String name() { return name; }
    public String roleArn() { return roleArn; }
    public String externalId() { return externalId; }
    public AccountEnvironment environment() { return environment; }
    public String[] regions() { return regions.clone(); }
    public Set<String> teams() { return Set.copyOf(teams); }
    public String organizationId() { return organizationId; }
    public String[] breakGlassPrincipals() { return breakGlassPrincipals.clone(); }
    public Instant updatedAt() { return updatedAt; }
}
