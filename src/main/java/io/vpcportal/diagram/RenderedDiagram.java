package io.vpcportal.diagram;

/** A diagram in one format, ready to send: its bytes, media type and download file name. */
public record RenderedDiagram(byte[] body, DiagramFormat format, String filename) {
}
