package io.vpcportal.policy;

/** Where a simulated request comes from. */
public enum NetworkPath {
    /** From the VPC, through the endpoint being requested: its endpoint policy applies. */
    THIS_ENDPOINT,
    /** Through another endpoint of the organization, in another VPC: its policy is not known (assumed open). */
    OTHER_ENDPOINT,
    /** From outside any VPC (internet, console, on-premises without an endpoint). */
    OUTSIDE_VPC
}
