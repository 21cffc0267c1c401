/**
 * Value types every module speaks in: AWS account ids, regions, VPC resource ids, teams and users.
 * Each validates its own format so that a value that exists is a valid one.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.vpcportal.shared;
