package io.vpcportal.inventory.internal;

/** One account and region could not be read; its rows stay as they were, marked stale. */
public class InventoryReadFailed extends RuntimeException {

    private final String code;

    public InventoryReadFailed(String action, String code, String message, Throwable cause) {
        super(action + " failed: " + (code == null ? "" : code + ": ") + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
