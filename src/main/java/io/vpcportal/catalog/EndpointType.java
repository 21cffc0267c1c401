package io.vpcportal.catalog;

/** The API's {@code VpcEndpointType}, spelled as on the wire. */
public enum EndpointType {
    Gateway, Interface, GatewayLoadBalancer
}
