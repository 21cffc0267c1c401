/**
 * Cross-cutting plumbing every module relies on: the embedded PostgreSQL default, RFC 9457 error rendering,
 * the clock. No business rules live here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.vpcportal.platform;

import org.springframework.modulith.ApplicationModule;
