/**
 * Approval of submitted requests: rules that admins control route each request to ordered stages of approver
 * teams (or approve it automatically); approvers decide from their inbox; nobody decides on their own
 * request. Also holds the comment thread of every request.
 */
package io.vpcportal.approval;
