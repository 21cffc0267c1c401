package io.vpcportal.policy;

/** One line of a {@link PolicyDiff}. */
public record DiffLine(Change change, String text) {

    public enum Change {
        SAME, ADDED, REMOVED
    }

    /** The unified-diff marker, so that the change is readable without colour. */
    public String marker() {
        return switch (change) {
            case SAME -> " ";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
    }
}
