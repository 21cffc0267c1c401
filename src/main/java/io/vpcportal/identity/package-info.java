/**
 * Who is using the portal: users, the teams they belong to, their roles, and the personal API tokens that
 * automation uses. Also owns login and the HTTP security configuration: the password form, and single sign-on
 * through an OpenID Connect provider, whose users are provisioned at every sign-in with the teams and roles their
 * groups map to.
 */
package io.vpcportal.identity;
