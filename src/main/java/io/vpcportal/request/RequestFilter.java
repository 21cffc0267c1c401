package io.vpcportal.request;

/** Optional filters of a request list; null means "any". */
public record RequestFilter(RequestStatus status, String team, String accountId, boolean mineOnly) {

    public static RequestFilter none() {
        return new RequestFilter(null, null, null, false);
    }
}
