/**
 * Endpoint and bucket policies: generated from a request item's form fields (never hand-written), checked
 * against the IAM grammar and the portal's own rules (findings with a severity), simulated together as an access
 * matrix (who can reach what, through which network path, decided by which statement), merged into existing
 * bucket policies without touching foreign statements, and written as canonical JSON so that the same input
 * always yields the same bytes. Other modules call {@link io.vpcportal.policy.PolicyManagement} with plain records;
 * this module knows nothing of requests or approvals.
 */
package io.vpcportal.policy;
