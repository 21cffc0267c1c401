package io.vpcportal.request;

import java.util.Objects;
import java.util.UUID;

public record EndpointRequestId(UUID value) {

    public EndpointRequestId {
        Objects.requireNonNull(value, "request id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
