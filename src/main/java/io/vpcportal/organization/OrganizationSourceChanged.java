package io.vpcportal.organization;

/** An admin saved the organization source ({@code before} null the first time). External ids are masked by the audit. */
public record OrganizationSourceChanged(String by, OrganizationSource before, OrganizationSource after) {
}
