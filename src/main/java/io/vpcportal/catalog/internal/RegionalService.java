package io.vpcportal.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code template_regional_service}: a partner service's name in one region. */
@Embeddable
public class RegionalService {

    @Column(nullable = false)
    private String region;

    @Column(name = "service_name", nullable = false)
    private String serviceName;

    @Column(name = "private_dns_name")
    private String privateDnsName;

    protected RegionalService() {
    }

    public RegionalService(String region, String serviceName, String privateDnsName) {
        this.region = region;
        this.serviceName = serviceName;
        this.privateDnsName = privateDnsName;
    }

    public String region() { return region; }
    public String serviceName() { return serviceName; }
    public String privateDnsName() { return privateDnsName; }
}
