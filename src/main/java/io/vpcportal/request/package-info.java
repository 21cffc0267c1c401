/**
 * Endpoint requests: what a team asks for (one or more endpoints for one VPC), checked against the catalog,
 * the account and the team's rights, and then carried through its lifecycle with a timeline of every change.
 * Other modules use the use-case services {@code RequestDrafts},
 * {@code RequestQueries}, {@code RequestLifecycle},
 * {@code RequestChanges} and {@code RequestAdoption}; the aggregate and
 * its rules stay in {@code internal}.
 */
package io.vpcportal.request;
