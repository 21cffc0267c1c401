package io.vpcportal.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Starts an inventory sync through the API, as an admin would, and waits for it to finish: for the moto tests. */
public final class InventorySyncs {

    private InventorySyncs() {
    }

    /** POST /api/v1/sync (waiting while another run is in progress), then the finished run. */
    public static JsonNode syncAndWait(PortalApi api, String admin) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String id = null;
        while (id == null && Instant.now().isBefore(deadline)) {
            Response started = api.post("/api/v1/sync", admin, "");
            if (started.status() == 202) {
                id = started.json().get("id").asString();
            } else {
                assertThat(started.status()).as(started.body()).isEqualTo(409);
                pause(250);
            }
        }
        assertThat(id).as("a sync could be started").isNotNull();
        while (Instant.now().isBefore(deadline)) {
            String wanted = id;
            JsonNode run = StreamSupport.stream(api.get("/api/v1/sync/runs?limit=10", admin).json().spliterator(), false)
                    .filter(r -> r.get("id").asString().equals(wanted)).findFirst().orElseThrow();
            if (!run.get("status").asString().equals("RUNNING")) {
                return run;
            }
            pause(200);
        }
        throw new AssertionError("Sync " + id + " did not finish");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
