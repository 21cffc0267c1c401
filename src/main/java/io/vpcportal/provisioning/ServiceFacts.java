package io.vpcportal.provisioning;

import java.util.Set;

/** Whether a service can be reached from the region asked, and in which zones. */
public record ServiceFacts(boolean exists, Set<String> availabilityZones) {
}
