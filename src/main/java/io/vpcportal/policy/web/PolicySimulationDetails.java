package io.vpcportal.policy.web;

import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.Finding;
import java.util.List;

/** One decision per row, in the rows' order, and findings for contradicted expectations. */
record PolicySimulationDetails(List<AccessDecision> decisions, List<Finding> findings) {
}
