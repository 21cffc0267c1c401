package io.vpcportal.policy.web;

import io.vpcportal.policy.Finding;
import java.util.List;

/** The findings about a document; {@code valid} when none is an ERROR. */
record PolicyValidationDetails(boolean valid, List<Finding> findings) {
}
