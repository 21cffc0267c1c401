package io.vpcportal.diagram;

import io.vpcportal.platform.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a diagram is exported in, with their media types and file extensions. */
public enum DiagramFormat {
    SVG("image/svg+xml", "svg"),
    PNG("image/png", "png"),
    DRAWIO("application/vnd.jgraph.mxfile", "drawio"),
    MERMAID("text/vnd.mermaid; charset=utf-8", "mmd");

    private final String mediaType;
    private final String extension;

    DiagramFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Blank: SVG. Unknown: InvalidInput on {@code format}. */
    public static DiagramFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return SVG;
        }
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("format", "must be one of " + Arrays.stream(values())
                        .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
