# The role the VPC Endpoint Portal assumes in a member account. The permission policy is read from the one policy
# file the CloudFormation template also carries (deploy/policy/member-role-policy.json): keep this module inside
# the repository layout, or copy that file next to it and change the path.
terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_iam_role" "portal" {
  name                 = var.role_name
  description          = "Assumed by the VPC Endpoint Portal to read VPCs and manage the VPC endpoints it created."
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.portal_principal_arn }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
    }]
  })
}

resource "aws_iam_role_policy" "portal" {
  name   = "vpc-endpoint-portal"
  role   = aws_iam_role.portal.id
  policy = file("${path.module}/../../policy/member-role-policy.json")
}
