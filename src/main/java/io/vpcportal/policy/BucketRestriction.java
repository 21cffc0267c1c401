package io.vpcportal.policy;

/** Which network the portal's bucket policy statement accepts requests from. */
public enum BucketRestriction {
    /** Only through the request's endpoint(s): {@code aws:SourceVpce}. */
    SOURCE_VPCE("aws:SourceVpce", "VpcePortalDenyUnlessSourceVpce"),
    /** From anywhere in the request's VPC, through any of its endpoints: {@code aws:SourceVpc}. */
    SOURCE_VPC("aws:SourceVpc", "VpcePortalDenyUnlessSourceVpc"),
    /** Through any endpoint owned by an account of the organization: {@code aws:VpceOrgID}. */
    VPCE_ORG_ID("aws:VpceOrgID", "VpcePortalDenyUnlessVpceOrgID");

    private final String conditionKey;
    private final String sid;

    BucketRestriction(String conditionKey, String sid) {
        this.conditionKey = conditionKey;
        this.sid = sid;
    }

    public String conditionKey() {
        return conditionKey;
    }

    /** The statement id the portal gives the statement; it starts with the portal's reserved prefix. */
    public String sid() {
        return sid;
    }
}
