package io.vpcportal.request.internal;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.platform.Digests;
import io.vpcportal.request.RequestDraft;

/**
 * A stable digest of a draft, to tell a true repeat of a POST from a different payload under the same key. Stored with
 * the idempotency key, so it uses the writer's stored layout.
 */
public final class PayloadHash {

    private PayloadHash() {
    }

    public static String of(RequestDraft draft) {
        return Digests.sha256Hex(CanonicalJsonWriter.writeStoredBytes(draft));
    }
}
