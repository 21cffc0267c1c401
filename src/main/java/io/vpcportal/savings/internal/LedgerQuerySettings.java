package io.vpcportal.savings.internal;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dashboard's reads of the ledger.
 *
 * @param workMem PostgreSQL {@code work_mem} for the reads that sum a period per resource (the dashboard's
 *                per-resource lists, {@code groupBy=endpoint}), set for their transaction only ({@code SET LOCAL}):
 *                their hash aggregate of about 10,000 groups spills to disk at PostgreSQL's default of 4 MB. A
 *                number with kB, MB or GB; "-" leaves the server's setting.
 */
@ConfigurationProperties("portal.savings.ledger-reads")
public record LedgerQuerySettings(String workMem) {

    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,6}(kB|MB|GB)");

    public LedgerQuerySettings {
        workMem = workMem == null || workMem.isBlank() ? "16MB" : workMem.strip();
        if (!workMem.equals("-") && !MEMORY.matcher(workMem).matches()) {
            throw new IllegalArgumentException("portal.savings.ledger-reads.work-mem must be a number with kB, MB or "
                    + "GB (16MB), or - for the server's setting; was " + workMem);
        }
    }

    /** The value to set, or null to leave the server's. */
    String workMemOrNull() {
        return workMem.equals("-") ? null : workMem;
    }
}
