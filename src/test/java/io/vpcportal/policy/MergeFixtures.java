package io.vpcportal.policy;

/** A bucket policy of someone else that does not concern object writes (moto would ignore its condition). */
final class MergeFixtures {

    static final String UNRELATED = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "KeepTheBucket",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "s3:DeleteBucket",
                  "Resource": "arn:aws:s3:::uploads-bucket"
                }
              ]
            }""";

    private MergeFixtures() {
    }
}
