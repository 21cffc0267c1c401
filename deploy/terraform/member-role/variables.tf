variable "role_name" {
  description = "Name of the role; the portal's member role pattern is arn:aws:iam::{accountId}:role/<role_name>."
  type        = string
  default     = "vpc-endpoint-portal"
}

variable "portal_principal_arn" {
  description = "The portal's own identity (its instance, task or pod role): the only principal that may assume the role."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.portal_principal_arn))
    error_message = "portal_principal_arn must be an IAM role ARN."
  }
}

variable "external_id" {
  description = "The external id of the portal's organization source; the trust policy requires it."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "external_id must be 2 to 1224 characters."
  }
}
