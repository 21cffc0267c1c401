/**
 * Accounts from AWS Organizations: an admin configures one organization source (the discovery role in the management
 * or delegated-administrator account, OUs to include and skip, the member role pattern, default regions,
 * environment and how teams are derived); a discovery run, scheduled or on demand, registers the accounts it finds,
 * refreshes their names, tags and teams, and deactivates the ones that were suspended, closed or left the included
 * OUs, through the account module's {@link io.vpcportal.account.DiscoveredAccounts}. Accounts registered by hand are
 * never changed. The Organizations API is called only from the {@code aws} sub-package, at a configured rate, with the client and
 * role credentials of the {@link io.vpcportal.aws} module.
 */
package io.vpcportal.organization;
