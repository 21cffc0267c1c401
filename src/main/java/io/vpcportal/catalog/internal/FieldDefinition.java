package io.vpcportal.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code template_field}. */
@Embeddable
public class FieldDefinition {

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "default_value")
    private String defaultValue;

    private String help;

    protected FieldDefinition() {
    }

    public FieldDefinition(int position, String name, String label, boolean required, String defaultValue, String help) {
        this.position = position;
        this.name = name;
        this.label = label;
        this.required = required;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    public int position() { return position; }
    public String name() { return name; }
    public String label() { return label; }
    public boolean required() { return required; }
    public String defaultValue() { return defaultValue; }
    public String help() { return help; }
}
