/**
 * Cross-cutting plumbing every module relies on: the embedded PostgreSQL default, RFC 9457 error rendering,
 * the clock. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.vpcportal.platform;
