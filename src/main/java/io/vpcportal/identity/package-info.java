/**
 * Who is using the portal: users, the teams they belong to, their roles, and the personal API tokens that
 * automation uses. Also owns login and the HTTP security configuration.
 */
package io.vpcportal.identity;
