/**
 * The append-only audit trail: every request transition, approval decision, comment, rule, template and
 * account edit, API token and failed sign-in becomes one row (who, when, what, before and after), written
 * in the same transaction as the change it records. PostgreSQL refuses updates and deletes of these rows;
 * admins read them on the audit page, as CSV, or through {@code GET /api/v1/audit}.
 */
package io.vpcportal.audit;
