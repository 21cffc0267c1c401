package io.vpcportal.approval.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of an approval rule. */
@Entity
@Table(name = "approval_rule")
public class ApprovalRule {

    @Id
    private UUID id;

    @Column(name = "rule_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private boolean enabled;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "template_keys", columnDefinition = "varchar(64)[]")
    private String[] templateKeys;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "endpoint_types", columnDefinition = "varchar(30)[]")
    private String[] endpointTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "account_ids", columnDefinition = "varchar(12)[]")
    private String[] accountIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", columnDefinition = "varchar(20)[]")
    private String[] regions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "teams", columnDefinition = "varchar(40)[]")
    private String[] teams;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "policy_choices", columnDefinition = "varchar(30)[]")
    private String[] policyChoices;

    private Boolean partner;

    private String environment;

    @Column(name = "auto_approve", nullable = false)
    private boolean autoApprove;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_rule_stage", joinColumns = @JoinColumn(name = "rule_id"))
    @OrderBy("position")
    private List<RuleStage> stages = new ArrayList<>();

    protected ApprovalRule() {
    }

    public ApprovalRule(String key, int version, String name, int priority, boolean enabled, String[] templateKeys,
            String[] endpointTypes, String[] accountIds, String[] regions, String[] teams, String[] policyChoices,
            Boolean partner, String environment, boolean autoApprove, List<RuleStage> stages, String createdBy,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.version = version;
        this.name = name;
        this.priority = priority;
        this.enabled = enabled;
        this.templateKeys = templateKeys;
        this.endpointTypes = endpointTypes;
        this.accountIds = accountIds;
        this.regions = regions;
        this.teams = teams;
        this.policyChoices = policyChoices;
        this.partner = partner;
        this.environment = environment;
        this.autoApprove = autoApprove;
        this.stages = new ArrayList<>(stages);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String key() { return key; }
    public int version() { return version; }
    public String name() { return name; }
    public int priority() { return priority; }
    public boolean enabled() { return enabled; }
    public String[] templateKeys() { return templateKeys; }
    public String[] endpointTypes() { return endpointTypes; }
    public String[] accountIds() { return accountIds; }
    public String[] regions() { return regions; }
    public String[] teams() { return teams; }
    public String[] policyChoices() { return policyChoices; }
    public Boolean partner() { return partner; }
    public String environment() { return environment; }
    public boolean autoApprove() { return autoApprove; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public List<RuleStage> stages() { return List.copyOf(stages); }
}
