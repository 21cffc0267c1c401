/**
 * Demo data for {@code ./mvnw spring-boot:run}: teams, users and a sandbox account, seeded once on the first
 * start with the {@code demo} profile. Nothing here runs without that profile.
 */
package io.vpcportal.demo;
