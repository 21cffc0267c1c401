package io.vpcportal.request;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.platform.Digests;

/** A stable digest of a draft, to tell a true repeat of a POST from a different payload under the same key. */
final class PayloadHash {


    private PayloadHash() {
    }

    static String of(RequestDraft draft) {
        return Digests.sha256Hex(CanonicalJsonWriter.writeBytes(draft));
    }
}
