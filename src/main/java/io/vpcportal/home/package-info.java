/**
 * The start page: what each signed-in user has to do, by role. It reads the other modules' public queries and
 * nothing depends on it.
 */
package io.vpcportal.home;
