package io.vpcportal.organization;

/** A discovery run ended (dry or not), with what it found or its error. */
public record DiscoveryRunFinished(String by, DiscoveryReport report) {
}
