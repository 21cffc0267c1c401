package io.vpcportal.catalog.internal;

import io.vpcportal.catalog.EndpointType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** One immutable version of a template. Editing a template saves a new instance with the next version. */
@Entity
@Table(name = "endpoint_template")
public class EndpointTemplate {

    @Id
    private UUID id;

    @Column(name = "template_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "endpoint_type", nullable = false)
    private EndpointType endpointType;

    @Column(name = "service_name_pattern")
    private String serviceNamePattern;

    /** Null means every region AWS offers the service in. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", columnDefinition = "varchar(20)[]")
    private String[] regions;

    @Column(nullable = false)
    private boolean partner;

    @Column(nullable = false)
    private String provider;

    @Column(name = "cross_region_supported", nullable = false)
    private boolean crossRegionSupported;

    @Column(name = "default_policy", nullable = false)
    private String defaultPolicy;

    @Column(name = "documentation_url")
    private String documentationUrl;

    @Column(nullable = false)
    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "template_field", joinColumns = @JoinColumn(name = "template_id"))
    @OrderBy("position")
    private List<FieldDefinition> fields = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "template_regional_service", joinColumns = @JoinColumn(name = "template_id"))
    @OrderBy("region")
    private List<RegionalService> regionalServices = new ArrayList<>();

    protected EndpointTemplate() {
    }

    /** The next version of {@code previous}, with the given changes, written by {@code author}. */
    public static EndpointTemplate nextVersion(EndpointTemplate previous, String name, String description,
            String category, String[] regions, String defaultPolicy, boolean retired, List<FieldDefinition> fields,
            String author, Instant now) {
        EndpointTemplate next = new EndpointTemplate();
        next.id = UUID.randomUUID();
        next.key = previous.key;
        next.version = previous.version + 1;
        next.name = name;
        next.description = description;
        next.category = category;
        next.endpointType = previous.endpointType;
        next.serviceNamePattern = previous.serviceNamePattern;
        next.regions = regions;
        next.partner = previous.partner;
        next.provider = previous.provider;
        next.crossRegionSupported = previous.crossRegionSupported;
        next.defaultPolicy = defaultPolicy;
        next.documentationUrl = previous.documentationUrl;
        next.retired = retired;
        next.createdAt = now;
        next.createdBy = author;
        next.fields = new ArrayList<>(fields);
        next.regionalServices = new ArrayList<>(previous.regionalServices);
        return next;
    }

    public UUID id() { return id; }
    public String key() { return key; }
    public int version() { return version; }
    public String name() { return name; }
    public String description() { return description; }
    public String category() { return category; }
    public EndpointType endpointType() { return endpointType; }
    public String serviceNamePattern() { return serviceNamePattern; }
    public String[] regions() { return regions == null ? null : regions.clone(); }
    public boolean partner() { return partner; }
    public String provider() { return provider; }
    public boolean crossRegionSupported() { return crossRegionSupported; }
    public String defaultPolicy() { return defaultPolicy; }
    public String documentationUrl() { return documentationUrl; }
    public boolean retired() { return retired; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public List<FieldDefinition> fields() { return List.copyOf(fields); }
    public List<RegionalService> regionalServices() { return List.copyOf(regionalServices); }
}
