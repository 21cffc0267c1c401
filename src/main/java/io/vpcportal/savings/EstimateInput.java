package io.vpcportal.savings;

import io.vpcportal.catalog.EndpointType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an estimate is asked for.
 *
 * @param enis              network interfaces of an interface or GWLB endpoint (one per subnet/AZ); ignored for gateways
 * @param gb                GB the endpoint will carry in the period (a month by default) instead of the NAT gateway;
 *                          {@code null}: not given, so the estimate shows the fixed cost and the break-even volume
 * @param natGatewayRemoved the NAT gateway (and its public IPv4 address) goes away, so its hours are saved too
 * @param from              first day of the period, or {@code null} for AWS's 730-hour month priced today
 * @param to                last day of the period (inclusive); with {@code from}: hours = days x 24
 * @param serviceRegion     the region of the service of a cross-region interface endpoint ({@code null}: the VPC's
 *                          own region); its data then also pays the inter-region transfer from the VPC's region
 */
public record EstimateInput(String region, EndpointType endpointType, int enis, BigDecimal gb,
        boolean natGatewayRemoved, LocalDate from, LocalDate to, String serviceRegion) {

    /** An endpoint to a service in the VPC's own region. */
    public EstimateInput(String region, EndpointType endpointType, int enis, BigDecimal gb, boolean natGatewayRemoved,
            LocalDate from, LocalDate to) {
        this(region, endpointType, enis, gb, natGatewayRemoved, from, to, null);
    }

    public boolean crossRegion() {
        return serviceRegion != null && !serviceRegion.isBlank() && !serviceRegion.equals(region);
    }
}
