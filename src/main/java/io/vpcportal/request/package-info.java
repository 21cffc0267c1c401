/**
 * Endpoint requests: what a team asks for (one or more endpoints for one VPC), checked against the catalog,
 * the account and the team's rights, and then carried through its lifecycle with a timeline of every change.
 */
package io.vpcportal.request;
