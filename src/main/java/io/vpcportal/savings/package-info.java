/**
 * Savings: the price catalog (AWS Price List offer files, per region and effective date), estimates of what an
 * endpoint costs and saves before it is requested, measured traffic of endpoints and NAT gateways, and the daily
 * ledger of realized savings with its dashboard. Only {@code aws} talks to AWS (CloudWatch and S3),
 * with clients and role credentials of the {@link io.vpcportal.aws} module.
 */
package io.vpcportal.savings;
