output "role_arn" {
  description = "The role the portal assumes in this account."
  value       = aws_iam_role.portal.arn
}
