package io.vpcportal.platform;

/**
 * One rule broken by one input field. {@code field} uses the payload's path ({@code items[0].subnetIds}) so
 * that the API and the HTML form can put the same message beside the same field.
 */
public record FieldViolation(String field, String message) {
}
