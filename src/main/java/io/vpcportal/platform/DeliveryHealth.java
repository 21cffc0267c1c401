package io.vpcportal.platform;

/**
 * Outgoing notifications that did not arrive, for the admin's start page. The notification module answers it; the
 * start page depends on this interface only, so no module depends on the notification module (it stays at the
 * edge, removable alone).
 */
public interface DeliveryHealth {

    Summary summary();

    /**
     * @param retrying deliveries whose last attempt failed and which will be tried again
     * @param givenUp  deliveries whose every attempt failed
     */
    record Summary(long retrying, long givenUp) {

        public long failed() {
            return retrying + givenUp;
        }
    }
}
