package io.vpcportal.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of people that owns workloads and asks for endpoints together. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Team() {
    }

    public Team(String id, String name) {
        this.id = id;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }
}
