package io.vpcportal.home.web;

import io.vpcportal.inventory.SyncRunSummary;
import java.time.Duration;
import java.time.Instant;

/** How long ago the last inventory sync ended (or started, while it runs), in words. */
final class SyncAge {

    private SyncAge() {
    }

    static String of(SyncRunSummary run, Instant now) {
        Instant at = run.finishedAt() != null ? run.finishedAt() : run.startedAt();
        Duration age = Duration.between(at, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + (age.toMinutes() == 1 ? " minute ago" : " minutes ago");
        }
        if (age.toHours() < 48) {
            return age.toHours() + (age.toHours() == 1 ? " hour ago" : " hours ago");
        }
        return age.toDays() + " days ago";
    }
}
