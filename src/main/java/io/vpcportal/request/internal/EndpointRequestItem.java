package io.vpcportal.request.internal;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One endpoint of a request, pinned to the template version it was made with. Id lists are stored sorted and
 * without duplicates so that the same request always produces the same AWS calls.
 */
@Entity
@Table(name = "endpoint_request_item")
public class EndpointRequestItem {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false)
    private int position;

    @Column(name = "template_key", nullable = false)
    private String templateKey;

    @Column(name = "template_version", nullable = false)
    private int templateVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "endpoint_type", nullable = false)
    private EndpointType endpointType;

    @Column(name = "service_name", nullable = false)
    private String serviceName;

    @Column(name = "service_region")
    private String serviceRegion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "route_table_ids", nullable = false, columnDefinition = "varchar(21)[]")
    private String[] routeTableIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subnet_ids", nullable = false, columnDefinition = "varchar(24)[]")
    private String[] subnetIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "security_group_ids", nullable = false, columnDefinition = "varchar(20)[]")
    private String[] securityGroupIds;

    @Column(name = "private_dns", nullable = false)
    private boolean privateDns;

    @Column(name = "policy_choice", nullable = false)
    private String policyChoice;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "bucket_names", nullable = false, columnDefinition = "varchar(63)[]")
    private String[] bucketNames;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "table_names", nullable = false, columnDefinition = "varchar(255)[]")
    private String[] tableNames;

    @Column(name = "custom_policy")
    private String customPolicy;

    @Column(name = "expected_monthly_gb")
    private BigDecimal expectedMonthlyGb;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "endpoint_request_item_tag", joinColumns = @JoinColumn(name = "item_id"))
    @MapKeyColumn(name = "tag_key")
    @Column(name = "tag_value")
    private Map<String, String> tags = new TreeMap<>();

    protected EndpointRequestItem() {
    }

    EndpointRequestItem(UUID requestId, int position, String templateKey, int templateVersion,
            EndpointType endpointType, String serviceName, String serviceRegion, List<String> routeTableIds,
            List<String> subnetIds, List<String> securityGroupIds, boolean privateDns, PolicyChoice policyChoice,
            List<String> bucketNames, List<String> tableNames, String customPolicy, Map<String, String> tags,
            BigDecimal expectedMonthlyGb) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.position = position;
        this.templateKey = templateKey;
        this.templateVersion = templateVersion;
        this.endpointType = endpointType;
        this.serviceName = serviceName;
        this.serviceRegion = serviceRegion;
        this.routeTableIds = sorted(routeTableIds);
        this.subnetIds = sorted(subnetIds);
        this.securityGroupIds = sorted(securityGroupIds);
        this.privateDns = privateDns;
        this.policyChoice = policyChoice.key();
        this.bucketNames = sorted(bucketNames);
        this.tableNames = sorted(tableNames);
        this.customPolicy = customPolicy;
        this.tags = new TreeMap<>(tags);
        this.expectedMonthlyGb = expectedMonthlyGb;
    }

    /** An item without its own monthly GB. */
    EndpointRequestItem(UUID requestId, int position, String templateKey, int templateVersion,
            EndpointType endpointType, String serviceName, String serviceRegion, List<String> routeTableIds,
            List<String> subnetIds, List<String> securityGroupIds, boolean privateDns, PolicyChoice policyChoice,
            List<String> bucketNames, List<String> tableNames, String customPolicy, Map<String, String> tags) {
        this(requestId, position, templateKey, templateVersion, endpointType, serviceName, serviceRegion,
                routeTableIds, subnetIds, securityGroupIds, privateDns, policyChoice, bucketNames, tableNames,
                customPolicy, tags, null);
    }

    /**
     * Takes the network and policy settings of {@code changed} (an approved change of this endpoint); the
     * service, its type and the template version stay as they were.
     */
    void adopt(EndpointRequestItem changed) {
        this.routeTableIds = changed.routeTableIds.clone();
        this.subnetIds = changed.subnetIds.clone();
        this.securityGroupIds = changed.securityGroupIds.clone();
        this.privateDns = changed.privateDns;
        this.policyChoice = changed.policyChoice;
        this.bucketNames = changed.bucketNames.clone();
        this.tableNames = changed.tableNames.clone();
        this.customPolicy = changed.customPolicy;
        this.tags = new TreeMap<>(changed.tags);
    }

    private static String[] sorted(List<String> values) {
        return values.stream().distinct().sorted().toArray(String[]::new);
    }

    public UUID id() { return id; }
    public int position() { return position; }
    public String templateKey() { return templateKey; }
    public int templateVersion() { return templateVersion; }
    public EndpointType endpointType() { return endpointType; }
    public String serviceName() { return serviceName; }
    public String serviceRegion() { return serviceRegion; }
    public List<String> routeTableIds() { return List.of(routeTableIds); }
    public List<String> subnetIds() { return List.of(subnetIds); }
    public List<String> securityGroupIds() { return List.of(securityGroupIds); }
    public boolean privateDns() { return privateDns; }
    public PolicyChoice policyChoice() { return PolicyChoice.fromKey(policyChoice).orElseThrow(); }
    public List<String> bucketNames() { return List.of(bucketNames); }
    public List<String> tableNames() { return List.of(tableNames); }
    public String customPolicy() { return customPolicy; }
    public SortedMap<String, String> tags() { return new TreeMap<>(tags); }
    /** GB per month this endpoint is expected to carry; {@code null}: not given. */
    public BigDecimal expectedMonthlyGb() { return expectedMonthlyGb; }
}
