/**
 * The AWS accounts the portal may act in: their role to assume (never keys), the regions teams may use there,
 * and which teams may request endpoints in them.
 */
package io.vpcportal.account;
